package returns

import (
	"sort"
	"strings"
)

// english holds the English text of every translation key this package uses.
// Placeholders in braces are filled from the parameters given with the key;
// the UI's translations use the same placeholders.
var english = map[string]string{
	// Policy page.
	"returns.policy.window":              "You can return or exchange most items within {days} days of delivery, no questions asked.",
	"returns.policy.window_category":     "{category}: {days} days from delivery.",
	"returns.policy.final_sale":          "Items marked final sale cannot be returned or exchanged.",
	"returns.policy.configured_excluded": "Items made to your configuration cannot be returned or exchanged.",
	"returns.policy.configured_fee":      "Items made to your configuration can be returned too, with a restocking fee of {percent}%.",
	"returns.policy.configured_free":     "Items made to your configuration can be returned too, at no extra fee.",
	"returns.policy.standard_fee":        "A restocking fee of {percent}% applies to returned items.",
	"returns.policy.fault_free":          "If an item arrived damaged, is defective or is not what you ordered, returning it costs you nothing: no fees and free shipping.",
	"returns.policy.shipping":            "Otherwise, return shipping costs {drop_off} at a drop-off point or {pickup} for a pickup at your door.",
	"returns.policy.store_credit":        "Choose store credit instead of a refund and get {percent}% more.",
	"returns.policy.exchange":            "You can exchange an item for another variant, another configuration or another product; you pay the price difference or get it back.",
	"returns.policy.send_by":             "Send the items back within {days} days of your request.",
	"returns.policy.warranty":            "Products are covered by a {months}-month warranty from delivery unless their page says otherwise; request a repair online.",

	// Why an item cannot be returned or repaired.
	"returns.ineligible.not_delivered":    "This item has not been delivered yet.",
	"returns.ineligible.final_sale":       "This item was sold as final sale and cannot be returned.",
	"returns.ineligible.configured":       "This item was made to your configuration and cannot be returned.",
	"returns.ineligible.already_returned": "This item has already been returned.",
	"returns.ineligible.window_closed":    "The return window closed on {date}.",
	"returns.ineligible.warranty_expired": "The warranty ended on {date}.",

	// Form errors.
	"returns.err.order_required":       "Enter the order number.",
	"returns.err.kind":                 "Choose a return, an exchange or a repair.",
	"returns.err.idempotency_key":      "This request is missing its submission key; reload the page and try again.",
	"returns.err.no_lines":             "Choose at least one item.",
	"returns.err.too_many_lines":       "Choose at most {max} items in one request.",
	"returns.err.unknown_line":         "This item is not part of the order.",
	"returns.err.duplicate_line":       "This item is listed twice.",
	"returns.err.qty_min":              "Choose at least 1.",
	"returns.err.qty_max":              "You can send back at most {max} of this item.",
	"returns.err.reason":               "Choose a reason.",
	"returns.err.repair_reason":        "For a repair, choose damaged or defective.",
	"returns.err.reason_text_required": "Tell us a little more.",
	"returns.err.reason_text_long":     "Keep it under {max} characters.",
	"returns.err.photos_required":      "Add at least one photo.",
	"returns.err.photos_max":           "Add at most {max} photos.",
	"returns.err.photo_id":             "One of the photos is not valid; remove it and add it again.",
	"returns.err.resolution":           "Choose a refund or store credit.",
	"returns.err.exchange_required":    "Choose what you want instead.",
	"returns.err.exchange_unexpected":  "Only exchanges have a replacement item.",
	"returns.err.exchange_type":        "Choose another variant, another configuration or another product.",
	"returns.err.exchange_product":     "A variant or configuration must be of the same product.",
	"returns.err.exchange_price":       "The price of the replacement is not available; try again.",
	"returns.err.shipping":             "Choose drop-off or pickup.",
	"returns.err.contact":              "Choose how we should contact you.",
	"returns.err.phone":                "Enter a phone number.",
	"returns.err.illegal_transition":   "This request cannot move from {from} to {to}.",
	"returns.err.reject_reason":        "Give a reason for the rejection.",
	"returns.err.actor":                "Say who makes this change.",
}

// Message returns the English text of key with its placeholders filled from
// params. An unknown key returns the key itself, which shows up clearly in a
// page instead of an empty line.
func Message(key string, params map[string]string) string {
	s, ok := english[key]
	if !ok {
		return key
	}
	for k, v := range params {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// MessageKeys returns every translation key the package uses, sorted, so the
// UI's translation tables can be checked for completeness in a test.
func MessageKeys() []string {
	keys := make([]string, 0, len(english))
	for k := range english {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
