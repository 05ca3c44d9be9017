package api

import (
	"context"
	"net/url"
)

// Configurator returns the product slug with its configurator. Returns
// ENOTFOUND if the product cannot be configured.
func (c *Client) Configurator(ctx context.Context, slug string) (*ConfiguratorResponse, error) {
	var r ConfiguratorResponse
	if err := c.get(ctx, Prefix+"/configurators/"+url.PathEscape(slug), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// PriceConfiguration asks the server to apply req.Change (if any) and price
// the configuration. Returns EINVALID with the problem's field and key if
// the configuration or the change does not fit the rules.
func (c *Client) PriceConfiguration(ctx context.Context, req ConfigurationPriceRequest) (*ConfigurationPriceResponse, error) {
	var r ConfigurationPriceResponse
	if err := c.Do(ctx, "POST", Prefix+"/configurations/price", req, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// PriceCart asks the server to price a cart. Returns catalog.Errors naming
// each bad line ("items[1].configuration").
func (c *Client) PriceCart(ctx context.Context, req CartPriceRequest) (*CartPriceResponse, error) {
	var r CartPriceResponse
	if err := c.Do(ctx, "POST", Prefix+"/cart/price", req, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// PlaceOrder places an order. Returns catalog.Errors naming each field to
// fix, ECONFLICT if the total changed or the key was used for another
// order.
func (c *Client) PlaceOrder(ctx context.Context, req PlaceOrderRequest) (*PlaceOrderResponse, error) {
	var r PlaceOrderResponse
	if err := c.Do(ctx, "POST", Prefix+"/orders", req, &r); err != nil {
		return nil, err
	}
	return &r, nil
}
