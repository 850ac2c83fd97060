package dev.mlbench.controller.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * The checks of the Kubernetes Pod Security Standard "restricted" profile (baseline included), applied to a pod
 * spec the way the PodSecurity admission controller applies them: a container passes a check that is met either
 * on the container or on the pod.
 */
public final class RestrictedPodSecurity {

  static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

  private RestrictedPodSecurity() {
  }

  /** Violations of the restricted profile; empty when the pod would be admitted. */
  public static List<String> violations(PodSpec pod) {
    List<String> violations = new ArrayList<>();
    PodSecurityContext podContext = Objects.requireNonNullElse(pod.getSecurityContext(), new PodSecurityContext());
    if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
        || Boolean.TRUE.equals(pod.getHostIPC())) {
      violations.add("host namespaces: hostNetwork, hostPID and hostIPC must be unset or false");
    }
    for (Volume volume : pod.getVolumes()) {
      boolean allowed = volume.getConfigMap() != null || volume.getCsi() != null || volume.getDownwardAPI() != null
          || volume.getEmptyDir() != null || volume.getEphemeral() != null || volume.getPersistentVolumeClaim() != null
          || volume.getProjected() != null || volume.getSecret() != null;
      if (!allowed) {
        violations.add("volume " + volume.getName() + ": only configMap, csi, downwardAPI, emptyDir, ephemeral,"
            + " persistentVolumeClaim, projected and secret volumes are allowed");
      }
    }
    podContext.getSysctls().stream().filter(s -> !SAFE_SYSCTLS.contains(s.getName()))
        .forEach(s -> violations.add("sysctl " + s.getName() + " is not in the safe set"));
    if (podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
      violations.add("pod runAsUser must not be 0");
    }
    if (seccompUnconfined(podContext.getSeccompProfile())) {
      violations.add("pod seccompProfile must be RuntimeDefault or Localhost");
    }
    Stream.of(pod.getInitContainers(), pod.getContainers()).flatMap(List::stream)
        .forEach(container -> container(container, podContext, violations));
    return violations;
  }

  private static void container(Container container, PodSecurityContext pod, List<String> violations) {
    String name = "container " + container.getName() + ": ";
    SecurityContext context = Objects.requireNonNullElse(container.getSecurityContext(), new SecurityContext());
    if (Boolean.TRUE.equals(context.getPrivileged())) {
      violations.add(name + "privileged must be unset or false");
    }
    if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
      violations.add(name + "allowPrivilegeEscalation must be false");
    }
    boolean runAsNonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot()
        : Boolean.TRUE.equals(pod.getRunAsNonRoot());
    if (!runAsNonRoot) {
      violations.add(name + "runAsNonRoot must be true (on the container or the pod)");
    }
    if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
      violations.add(name + "runAsUser must not be 0");
    }
    SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : pod.getSeccompProfile();
    if (seccomp == null || seccompUnconfined(seccomp)) {
      violations.add(name + "seccompProfile must be RuntimeDefault or Localhost (on the container or the pod)");
    }
    var capabilities = context.getCapabilities();
    if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
      violations.add(name + "capabilities must drop ALL");
    }
    if (capabilities != null && capabilities.getAdd().stream().anyMatch(c -> !"NET_BIND_SERVICE".equals(c))) {
      violations.add(name + "capabilities may only add NET_BIND_SERVICE");
    }
    if (container.getPorts().stream().anyMatch(p -> p.getHostPort() != null && p.getHostPort() != 0)) {
      violations.add(name + "hostPort must not be set");
    }
    if (context.getProcMount() != null && !"Default".equals(context.getProcMount())) {
      violations.add(name + "procMount must be Default");
    }
  }

  private static boolean seccompUnconfined(SeccompProfile profile) {
    return profile != null && !"RuntimeDefault".equals(profile.getType()) && !"Localhost".equals(profile.getType());
  }
}
