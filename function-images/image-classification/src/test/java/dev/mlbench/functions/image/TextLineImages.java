package dev.mlbench.functions.image;

import java.util.Base64;

/** Rendered text lines as the JSON of OIP image inputs. */
final class TextLineImages {

    private TextLineImages() {
    }

    static String base64Png(String text, boolean upsideDown) {
        return Base64.getEncoder().encodeToString(TextLineRenderer.png(TextLineRenderer.render(text, upsideDown)));
    }

    static String imageRequest(String... base64Images) {
        StringBuilder data = new StringBuilder();
        for (String image : base64Images) {
            data.append(data.length() == 0 ? "" : ", ").append('"').append(image).append('"');
        }
        return """
                {"inputs": [{"name": "image", "datatype": "BYTES", "shape": [%d], "data": [%s]}]}"""
                .formatted(base64Images.length, data);
    }
}
