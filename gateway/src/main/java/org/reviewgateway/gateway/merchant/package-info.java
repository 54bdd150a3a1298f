/** Merchants, their API keys and settings, the admin API; owner of the merchants table ({@link org.reviewgateway.gateway.merchant.MerchantAccounts} for other features). */
package org.reviewgateway.gateway.merchant;
