package portal

import (
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/portal/orders"
	"vitrine/server/api"
)

// Offline reading. go-app's service worker keeps the app itself (the wasm,
// the loader, the home page) but not API answers, so the order page keeps
// the last view of each order it showed in local storage and shows that,
// saying how old it is, when the API cannot be reached. The track page
// lists those orders, so a customer who opens the installed app without a
// connection can still reach them by in-app navigation.
//
// Personal data (name, email, address) is left out of the saved copy: local
// storage outlives the proof cookie and is readable by any script of the
// origin.

const (
	savedOrderPrefix = "vitrine.order."
	recentOrdersKey  = "vitrine.orders.recent"
	maxRecentOrders  = 10
)

// recentOrder is an entry of the track page's list of orders seen on this
// device.
type recentOrder struct {
	Number string        `json:"number"`
	Status orders.Status `json:"status"`
	AsOf   time.Time     `json:"asOf"`
}

// saveOrder keeps v for offline reading and puts it first in the recent list.
func saveOrder(ctx app.Context, v api.OrderView) {
	if !app.IsClient {
		return
	}
	v.Customer = nil
	v.Confirmed = false
	if err := ctx.LocalStorage().Set(savedOrderPrefix+v.Number, v); err != nil {
		app.Log("saving the order for offline reading failed:", err)
		return
	}
	recent := recentOrders(ctx)
	recent = slices.DeleteFunc(recent, func(r recentOrder) bool { return r.Number == v.Number })
	recent = append([]recentOrder{{Number: v.Number, Status: v.Status, AsOf: v.AsOf}}, recent...)
	for len(recent) > maxRecentOrders {
		ctx.LocalStorage().Del(savedOrderPrefix + recent[len(recent)-1].Number)
		recent = recent[:len(recent)-1]
	}
	if err := ctx.LocalStorage().Set(recentOrdersKey, recent); err != nil {
		app.Log("saving the recent orders failed:", err)
	}
}

// savedOrder returns the view of number kept by saveOrder, or nil.
func savedOrder(ctx app.Context, number string) *api.OrderView {
	if !app.IsClient || !ctx.LocalStorage().Contains(savedOrderPrefix+number) {
		return nil
	}
	var v api.OrderView
	if err := ctx.LocalStorage().Get(savedOrderPrefix+number, &v); err != nil || v.Number != number {
		return nil
	}
	return &v
}

// recentOrders returns the orders seen on this device, latest first.
func recentOrders(ctx app.Context) []recentOrder {
	if !app.IsClient {
		return nil
	}
	var r []recentOrder
	if err := ctx.LocalStorage().Get(recentOrdersKey, &r); err != nil {
		return nil
	}
	return r
}
