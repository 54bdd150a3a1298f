package org.reviewgateway.gateway.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.merchant.MerchantAccounts;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The overview: the session's merchant's last 30 days, as figures, a chart and a table. */
@Hidden
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleOverviewController {

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;
    private final ConsoleOverview overview;

    ConsoleOverviewController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants, ConsoleOverview overview) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
        this.overview = overview;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> overview(HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Map<String, Object> values = pages.withSession(session.get(), merchants.find(session.get().merchantId()).orElseThrow());
        ConsoleOverview.Activity activity = overview.lastDays(session.get().merchantId());
        values.put("title", "Overview");
        values.put("total", figures(activity.total()));
        values.put("responseRate", activity.responseRate() == null ? "–"
                : String.format(Locale.ENGLISH, "%.0f %%", activity.responseRate() * 100));
        values.put("chart", ActivityChart.of(activity));
        List<Map<String, Object>> newestFirst = new ArrayList<>();
        activity.days().forEach(day -> newestFirst.add(0, figures(day)));
        values.put("days", newestFirst);
        return pages.page(HttpStatus.OK, "overview", values);
    }

    private static Map<String, Object> figures(ConsoleOverview.Day day) {
        return Map.of("label", DAY_LABEL.format(day.date()), "orders", day.orders(), "invitesSent", day.invitesSent(),
                "failed", day.failed(), "reviews", day.reviews(), "unsubscribes", day.unsubscribes());
    }
}
