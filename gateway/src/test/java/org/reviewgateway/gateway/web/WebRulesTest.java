package org.reviewgateway.gateway.web;

import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pure rules at the edge: ISO-8601 durations and form bodies. */
class WebRulesTest {

    @Test
    void durationsAreIsoWithoutMonthsOrYears() {
        assertEquals(Optional.of(Duration.ofDays(7)), IsoDurations.parse("P7D"));
        assertEquals(Optional.of(Duration.ofDays(14)), IsoDurations.parse("P2W"));
        assertEquals(Optional.of(Duration.ofHours(12)), IsoDurations.parse("PT12H"));
        assertEquals(Optional.of(Duration.ZERO), IsoDurations.parse("PT0S"));
        assertEquals(Optional.empty(), IsoDurations.parse("P1M"), "a month has no fixed length");
        assertEquals(Optional.empty(), IsoDurations.parse("P1Y"));
        assertEquals(Optional.empty(), IsoDurations.parse("7 days"));
        assertEquals("P7D", IsoDurations.format(Duration.ofDays(7)));
        assertEquals("PT12H", IsoDurations.format(Duration.ofHours(12)));
        assertEquals("PT0S", IsoDurations.format(Duration.ZERO));
    }

    @Test
    void formBodiesAreReadUrlencodedOrMultipart() {
        assertEquals(Map.of("a", "1 2", "b", "x&y"), FormFields.parse(MediaType.APPLICATION_FORM_URLENCODED_TYPE, "a=1+2&b=x%26y"));
        assertEquals(Map.of("List-Unsubscribe", "One-Click"),
                FormFields.parse(MediaType.of("multipart/form-data; boundary=XyZ"),
                        "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n"));
        assertEquals(Map.of("k", "v"), FormFields.parse(MediaType.of("multipart/form-data; boundary=\"q q\""),
                "--q q\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n--q q\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nfile\r\n--q q--"),
                "files are ignored");
        assertEquals(Map.of(), FormFields.parse(null, null));
        assertThrows(DomainException.class, () -> FormFields.parse(MediaType.APPLICATION_FORM_URLENCODED_TYPE, "a=%zz"));
        assertThrows(DomainException.class, () -> FormFields.parse(MediaType.of("multipart/form-data"), "--x\r\n"), "no boundary");
    }
}
