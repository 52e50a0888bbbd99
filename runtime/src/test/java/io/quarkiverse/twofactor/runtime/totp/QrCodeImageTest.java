package io.quarkiverse.twofactor.runtime.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The SVG is drawn into pixels and read back by ZXing, an independent QR decoder, as a phone's camera would. */
class QrCodeImageTest {

    private static final String PREFIX = "data:image/svg+xml;base64,";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 4;

    @Test
    void theImageReadsBackAsTheOtpauthUri() throws Exception {
        String uri = "otpauth://totp/Acme%20Bank:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                + "&issuer=Acme%20Bank&algorithm=SHA1&digits=6&period=30";
        String dataUri = QrCodeImage.svgDataUri(uri);
        assertTrue(dataUri.startsWith(PREFIX), dataUri);
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(PREFIX.length())), StandardCharsets.UTF_8);
        assertEquals(uri, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(rasterize(svg)))).getText());
    }

    /** Paints the SVG's one-module squares black on white. */
    private static RGBLuminanceSource rasterize(String svg) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertTrue(viewBox.find(), svg);
        int side = Integer.parseInt(viewBox.group(1)) * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, 0xffffffff);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int left = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
            int top = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
            for (int y = top; y < top + PIXELS_PER_MODULE; y++) {
                Arrays.fill(pixels, y * side + left, y * side + left + PIXELS_PER_MODULE, 0xff000000);
            }
        }
        return new RGBLuminanceSource(side, side, pixels);
    }
}
