package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.OrderLookup;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.product.ProductRating;
import org.reviewgateway.gateway.product.Products;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.HtmlPages;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The hosted review form behind every review link. The token in the path is the credential; no
 * cookies, so there is no session to forge a request against. Form posts get pages, JSON posts get JSON.
 */
@Controller("/r")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewPageController {

    private final OrderLookup orders;
    private final ReviewRepository reviews;
    private final MerchantAccounts merchants;
    private final Products products;
    private final ReviewSubmission submission;
    private final HtmlPages pages;
    private final JsonMapper json;

    ReviewPageController(OrderLookup orders, ReviewRepository reviews, MerchantAccounts merchants, Products products,
                         ReviewSubmission submission, HtmlPages pages, JsonMapper json) {
        this.orders = orders;
        this.reviews = reviews;
        this.merchants = merchants;
        this.products = products;
        this.submission = submission;
        this.pages = pages;
        this.json = json;
    }

    @Operation(summary = "The review form behind a review link (the token is the credential)")
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "the form, or a page saying the order was reviewed already", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "unknown token or cancelled order", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> form(@PathVariable String token, HttpRequest<?> request) {
        Optional<Order> order = reviewable(token);
        if (order.isEmpty()) {
            return notFound();
        }
        if (reviews.findByOrderId(order.get().id()).isPresent()) {
            return pages.page(HttpStatus.OK, "review-already", locale(order.get()), shopContext(order.get()));
        }
        return formPage(HttpStatus.OK, order.get(), products.ofOrder(order.get().id()), request, new ReviewInput(null, null, List.of()), null);
    }

    @Operation(summary = "Submit a review: a form post gets a page, a JSON post JSON",
            requestBody = @RequestBody(content = {
            @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(implementation = SubmitReviewRequest.class)),
            @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = SubmitReviewRequest.class)),
            @Content(mediaType = "application/json", schema = @Schema(implementation = SubmitReviewRequest.class))}))
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "the thank-you page, or the review as JSON", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewResponse.class))})
    @ProblemResponses
    @Post(value = "/{token}", consumes = MediaType.ALL, produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> submit(@PathVariable String token, @Nullable @Body String body, HttpRequest<?> request) {
        boolean jsonRequest = request.getContentType().map(t -> t.matchesExtension(MediaType.EXTENSION_JSON)).orElse(false);
        Optional<Order> order = reviewable(token);
        if (order.isEmpty()) {
            if (jsonRequest) {
                throw new NotFoundException("No order for this review link.");
            }
            return notFound();
        }
        List<ProductLine> orderProducts = products.ofOrder(order.get().id());
        ReviewInput input = jsonRequest
                ? ReviewInput.fromJson(body, json, orderProducts.stream().map(ProductLine::id).collect(Collectors.toSet()))
                : ReviewInput.fromForm(FormFields.parse(request.getContentType().orElse(null), body), orderProducts);
        ReviewInput.Mistake mistake = input.mistake();
        if (mistake != null) {
            if (jsonRequest) {
                throw mistake.problem();
            }
            return formPage(HttpStatus.UNPROCESSABLE_ENTITY, order.get(), orderProducts, request, input, mistake);
        }
        try {
            Review review = submission.submit(order.get(), input.rating(), input.cleanComment(), input.cleanProducts());
            if (jsonRequest) {
                return HttpResponse.ok(ReviewResponse.of(order.get().transactionId(), review, input.products())).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            Map<String, Object> values = new HashMap<>(shopContext(order.get()));
            values.put("rating", review.rating());
            values.put("starsText", "\u2605".repeat(review.rating()) + "\u2606".repeat(5 - review.rating()));
            return pages.page(HttpStatus.OK, "review-thanks", locale(order.get()), values);
        } catch (AlreadyReviewedException e) {
            if (jsonRequest) {
                throw e;
            }
            return pages.page(HttpStatus.CONFLICT, "review-already", locale(order.get()), shopContext(order.get()));
        }
    }

    private Optional<Order> reviewable(String token) {
        return orders.byReviewToken(token).filter(ReviewSubmission::reviewable).filter(o -> merchants.find(o.merchantId()).isPresent());
    }

    private HttpResponse<String> formPage(HttpStatus status, Order order, List<ProductLine> orderProducts, HttpRequest<?> request,
                                          ReviewInput input, @Nullable ReviewInput.Mistake error) {
        Map<String, Object> values = new HashMap<>(shopContext(order));
        values.put("action", request.getPath());
        values.put("stars", stars("star", input.rating()));
        values.put("comment", input.comment() == null ? "" : input.comment());
        List<Map<String, Object>> productGroups = new ArrayList<>();
        for (int i = 0; i < orderProducts.size(); i++) {
            ProductLine line = orderProducts.get(i);
            Optional<ProductRating> given = input.products().stream().filter(p -> p.id().equals(line.id())).findFirst();
            boolean wrong = error != null && error.kind().product && error.field().equals(line.id());
            productGroups.add(Map.of(
                    "position", i,
                    "name", line.name(),
                    "stars", stars("p" + i + "-star", given.map(ProductRating::rating).orElse(null)),
                    "ratingField", ReviewInput.productField(i, "rating"),
                    "commentField", ReviewInput.productField(i, "comment"),
                    "comment", given.map(ProductRating::comment).orElse(""),
                    "error", wrong ? pages.text(locale(order), error.kind().textKey) : false));
        }
        values.put("products", productGroups);
        values.put("hasProducts", !productGroups.isEmpty());
        values.put("error", error == null || error.kind().product ? false : pages.text(locale(order), error.kind().textKey));
        return pages.page(status, "review-form", locale(order), values);
    }

    private static List<Map<String, Object>> stars(String idPrefix, @Nullable Integer chosen) {
        return IntStream.iterate(5, i -> i >= 1, i -> i - 1)
                .mapToObj(i -> Map.<String, Object>of("id", idPrefix + i, "value", i, "checked", chosen != null && chosen == i))
                .toList();
    }

    private HttpResponse<String> notFound() {
        return pages.page(HttpStatus.NOT_FOUND, "not-found", null, Map.of("message", pages.text(null, "notFound.reviewLink")));
    }

    /** The customer's language: the order's locale, else the merchant's default. */
    @Nullable
    private String locale(Order order) {
        return order.locale() != null ? order.locale() : merchants.find(order.merchantId()).map(m -> m.defaultLocale()).orElse(null);
    }

    private Map<String, Object> shopContext(Order order) {
        return merchants.find(order.merchantId()).map(m -> m.shopContext()).orElseGet(Merchant::unknownShopContext);
    }
}
