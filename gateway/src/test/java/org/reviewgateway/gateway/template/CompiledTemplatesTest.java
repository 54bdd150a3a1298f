package org.reviewgateway.gateway.template;

import com.samskivert.mustache.Mustache;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledTemplatesTest {

    @Test
    void keepsTemplatesUpToABoundInCharactersDroppingTheLeastRecentlyUsed() {
        CompiledTemplates kept = new CompiledTemplates(Mustache.compiler(), 1_000);
        String a = "a".repeat(400);
        String b = "b".repeat(400);
        assertSame(kept.get(a), kept.get(a), "compiled once");
        kept.get(b);
        kept.get(a);
        kept.get("c".repeat(400));

        assertEquals(2, kept.size());
        assertTrue(kept.keptChars() <= 1_000);
        kept.get("d".repeat(5_000));
        assertTrue(kept.keptChars() <= 1_000, "a template larger than the bound is compiled but not kept");
    }
}
