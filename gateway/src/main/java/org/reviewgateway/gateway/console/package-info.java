/**
 * The merchant console: its users (a merchant's staff), set-password links, sessions, login throttling and the
 * server-rendered pages under /console.
 */
package org.reviewgateway.gateway.console;
