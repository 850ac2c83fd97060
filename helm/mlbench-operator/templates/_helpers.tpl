{{- define "mlbench.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mlbench.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mlbench.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mlbench.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "mlbench.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "mlbench.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: mlbench
{{- end }}

{{- define "mlbench.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mlbench.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "<registry>/" or nothing */}}
{{- define "mlbench.registryPrefix" -}}
{{- with . }}{{ trimSuffix "/" . }}/{{ end }}
{{- end }}

{{- define "mlbench.operatorImage" -}}
{{- include "mlbench.registryPrefix" .Values.image.registry }}{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end }}

{{- define "mlbench.functionImagesPrefix" -}}
{{- include "mlbench.registryPrefix" .Values.functionImages.registry }}{{ .Values.functionImages.prefix }}
{{- end }}

{{- define "mlbench.loadgenImage" -}}
{{- if .Values.loadgen.image }}
{{- .Values.loadgen.image }}
{{- else }}
{{- include "mlbench.functionImagesPrefix" . }}loadgen:{{ .Values.functionImages.tag }}
{{- end }}
{{- end }}

{{- define "mlbench.leaderElection" -}}
{{- if gt (int .Values.replicas) 1 }}true{{ else }}false{{ end }}
{{- end }}

{{/*
Rules for the namespaced objects the operator reads and owns; one list for the ClusterRole and for the Role of
each watched namespace. helm/src/test/.../RbacCoverageTest checks them against the API requests the operator makes.
*/}}
{{- define "mlbench.namespacedRules" -}}
- apiGroups: ["mlbench.dev"]
  resources: ["mlbenchmarks"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["mlbench.dev"]
  resources: ["mlbenchmarks/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["serving.knative.dev"]
  resources: ["services"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["services", "configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "delete"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["metrics.k8s.io"]
  resources: ["pods"]
  verbs: ["get", "list"]
{{- end }}

{{/* The serverless target is activated only where Knative Serving's CRD exists: the operator reads that one CRD. */}}
{{- define "mlbench.crdRule" -}}
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  resourceNames: ["services.serving.knative.dev"]
  verbs: ["get"]
{{- end }}
