package dev.mlbench.functions.server.http;

/** Where a request path leads, and the one method allowed there ({@code null} where any method gets the same answer). */
record Route(Target target, String method, String modelName, String modelVersion) {

    enum Target { LIVE, READY, SERVER_METADATA, MODEL_METADATA, MODEL_READY, INFER, METRICS, UNKNOWN_MODEL, NOT_FOUND }

    private static final String MODELS_PREFIX = "/v2/models/";
    private static final Route NOT_FOUND = new Route(Target.NOT_FOUND, null, "", "");

    static Route of(String rawPath, String servedModel) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        switch (path) {
            case "/v2/health/live":
                return get(Target.LIVE);
            case "/v2/health/ready":
                return get(Target.READY);
            case "/v2":
                return get(Target.SERVER_METADATA);
            case "/metrics":
                return get(Target.METRICS);
            default:
                return path.startsWith(MODELS_PREFIX)
                        ? modelRoute(path.substring(MODELS_PREFIX.length()).split("/", -1), servedModel)
                        : NOT_FOUND;
        }
    }

    /** {@code {m}[/versions/{v}][/ready|/infer]}; an empty version means "any". */
    private static Route modelRoute(String[] segments, String servedModel) {
        String model = segments[0];
        int next = 1;
        String version = "";
        if (segments.length >= 3 && segments[1].equals("versions")) {
            version = segments[2];
            next = 3;
        }
        Target target;
        String method = "GET";
        if (segments.length == next) {
            target = Target.MODEL_METADATA;
        } else if (segments.length == next + 1 && segments[next].equals("ready")) {
            target = Target.MODEL_READY;
        } else if (segments.length == next + 1 && segments[next].equals("infer")) {
            target = Target.INFER;
            method = "POST";
        } else {
            return NOT_FOUND;
        }
        return new Route(model.equals(servedModel) ? target : Target.UNKNOWN_MODEL, method, model, version);
    }

    private static Route get(Target target) {
        return new Route(target, "GET", "", "");
    }
}
