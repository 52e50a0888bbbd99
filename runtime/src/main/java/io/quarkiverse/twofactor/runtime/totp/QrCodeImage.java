package io.quarkiverse.twofactor.runtime.totp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG image in a {@code data:} URI, which a page can put straight into an {@code img} element. The
 * symbol comes from the qrcodegen library; this class only draws its dark modules.
 */
public final class QrCodeImage {

    /** The quiet zone around the symbol, in modules, that scanners need. */
    private static final int BORDER = 4;

    private QrCodeImage() {
    }

    public static String svgDataUri(String text) {
        QrCode symbol = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = symbol.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < symbol.size; y++) {
            for (int x = 0; x < symbol.size; x++) {
                if (symbol.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
