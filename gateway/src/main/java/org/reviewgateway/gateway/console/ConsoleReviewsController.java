package org.reviewgateway.gateway.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.review.ReviewHistory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reviews page: the session's merchant's reviews, newest first, 25 a page. */
@Hidden
@Controller("/console/reviews")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleReviewsController {

    static final int PAGE_SIZE = 25;
    private static final Pattern POSITION = Pattern.compile("(\\d{1,15})-(\\d{1,18})");

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;
    private final ReviewHistory reviews;

    ConsoleReviewsController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants, ReviewHistory reviews) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
        this.reviews = reviews;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> list(@Nullable @QueryValue String before, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        ReviewHistory.Page page = reviews.newestFirst(session.get().merchantId(), position(before), PAGE_SIZE);
        Map<String, Object> values = pages.withSession(session.get(), merchants.find(session.get().merchantId()).orElseThrow());
        values.put("title", "Reviews");
        List<Map<String, Object>> rows = page.reviews().stream().map(r -> Map.<String, Object>of(
                "rating", r.rating(),
                "stars", "\u2605".repeat(r.rating()) + "\u2606".repeat(5 - r.rating()),
                "transactionId", r.transactionId(),
                "createdAt", r.createdAt().toString(),
                "createdDay", r.createdAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                "comment", r.comment() == null ? false : r.comment())).toList();
        values.put("reviews", rows);
        values.put("next", page.next() == null ? false : page.next().createdAt().toEpochMilli() + "-" + page.next().id());
        return pages.page(HttpStatus.OK, "reviews", values);
    }

    /** The position a link names; anything else (a hand-edited link) is the first page. */
    @Nullable
    private static ReviewHistory.Position position(@Nullable String before) {
        Matcher m = before == null ? null : POSITION.matcher(before);
        if (m == null || !m.matches()) {
            return null;
        }
        return new ReviewHistory.Position(Instant.ofEpochMilli(Long.parseLong(m.group(1))), Long.parseLong(m.group(2)));
    }
}
