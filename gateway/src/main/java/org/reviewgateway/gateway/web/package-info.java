/** The HTTP edge shared by all features: problems (RFC 9457), form and JSON reading, headers, the public links, the OpenAPI document. */
package org.reviewgateway.gateway.web;
