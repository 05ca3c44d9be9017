package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"strconv"
	"time"

	"vitrine/portal/orders"
	"vitrine/portal/returns"
)

// PhotoWriter stores a photo with its bytes (sqlite.ReturnStore does); the
// demo's repair request comes with a photo, as repairs must.
type PhotoWriter interface {
	PutPhotoData(ctx context.Context, p returns.Photo, data []byte, maxUnattached int) error
}

// demoStaff is who moves the demo requests along.
const demoStaff = "lucia.romero@vitrine.example"

// returnSpec is a demo request: made days (and hours) from now, then moved
// through steps, each a status days and hours from now, with a reason for a
// rejection.
type returnSpec struct {
	order       string
	kind        returns.Kind
	lines       []returns.RequestLine
	resolution  returns.Resolution
	method      returns.ShippingMethod
	days, hours int
	steps       []returnStep
	photo       bool
}

type returnStep struct {
	to          returns.Status
	days, hours int
	reason      string
}

// returnSpecs are the demo requests, in several states so the staff desk
// and the customers' timelines have something to show. VT-1001 has none
// (the browser tests return its items), and the items other tests expect
// to be returnable stay so: VT-1007's light set has only a repair, which
// uses no units up, and VT-1010's armchair only a rejected return.
//
//	VT-1004 keyboard      return, refunded (the keyboard shows "already returned")
//	VT-1004 monitor       repair under warranty, received at the workshop
//	VT-1007 U-lock        exchange for a new one (a wrong one was sent), approved
//	VT-1007 light set     repair (the rear light does not charge), requested
//	VT-1010 helmet        repair of a final-sale item under warranty, in transit
//	VT-1010 armchair      return, rejected with a reason
func returnSpecs() []returnSpec {
	return []returnSpec{
		{order: "VT-1004", kind: returns.KindReturn, resolution: returns.ResolutionRefund, method: returns.ShippingDropOff,
			lines: []returns.RequestLine{{LineID: "2", Qty: 1, Reason: returns.ReasonDoesntFit, ReasonText: "The keys are too loud for my office."}},
			days:  -40,
			steps: []returnStep{{returns.StatusApproved, -40, 2, ""}, {returns.StatusInTransit, -38, 0, ""},
				{returns.StatusReceived, -35, 0, ""}, {returns.StatusInspected, -34, 0, ""}, {returns.StatusRefunded, -34, 1, ""}}},
		{order: "VT-1004", kind: returns.KindRepair, method: returns.ShippingPickup, photo: true,
			lines: []returns.RequestLine{{LineID: "1", Qty: 1, Reason: returns.ReasonDefective, ReasonText: "The screen flickers after ten minutes of use."}},
			days:  -6,
			steps: []returnStep{{returns.StatusApproved, -5, 0, ""}, {returns.StatusInTransit, -3, 0, ""}, {returns.StatusReceived, -1, 0, ""}}},
		{order: "VT-1007", kind: returns.KindExchange, resolution: returns.ResolutionExchange, method: returns.ShippingDropOff,
			lines: []returns.RequestLine{{LineID: "3", Qty: 1, Reason: returns.ReasonWrongItem,
				Exchange: &returns.ExchangeTarget{Type: returns.TargetVariant}}},
			days: -2, hours: 3,
			steps: []returnStep{{returns.StatusApproved, -1, 0, ""}}},
		{order: "VT-1007", kind: returns.KindRepair, method: returns.ShippingDropOff, photo: true,
			lines: []returns.RequestLine{{LineID: "2", Qty: 1, Reason: returns.ReasonDefective, ReasonText: "The rear light does not charge any more."}},
			hours: -3},
		{order: "VT-1010", kind: returns.KindRepair, method: returns.ShippingDropOff, photo: true,
			lines: []returns.RequestLine{{LineID: "1", Qty: 1, Reason: returns.ReasonDamaged, ReasonText: "The strap buckle snapped."}},
			days:  -5,
			steps: []returnStep{{returns.StatusApproved, -4, 0, ""}, {returns.StatusInTransit, -2, 0, ""}}},
		{order: "VT-1010", kind: returns.KindReturn, resolution: returns.ResolutionRefund, method: returns.ShippingPickup,
			lines: []returns.RequestLine{{LineID: "2", Qty: 1, Reason: returns.ReasonChangedMind}},
			days:  -9,
			steps: []returnStep{{returns.StatusRejected, -8, 0, "You asked us by phone to cancel this request; nothing was sent."}}},
	}
}

// seedReturns makes the demo requests through the policy and the store,
// as customers and staff would: each is validated, quoted and numbered.
func seedReturns(ctx context.Context, s Stores, now time.Time) error {
	policy := returns.DefaultPolicy()
	b := orderBuilder{now: now.UTC()}
	byNumber := map[string]orders.Order{}
	for _, o := range Orders(now) {
		byNumber[o.Number] = o
	}
	for i, spec := range returnSpecs() {
		o := byNumber[spec.order]
		at := b.at(spec.days, spec.hours)
		returned, err := s.Returns.Returned(ctx, o.Number)
		if err != nil {
			return err
		}
		req := returns.Request{OrderNumber: o.Number, Kind: spec.kind, Lines: spec.lines, Resolution: spec.resolution,
			ShippingMethod: spec.method, IdempotencyKey: fmt.Sprintf("demo-%d", i+1)}
		if spec.kind == returns.KindRepair {
			req.Contact = returns.ContactEmail
		}
		items := returnItems(&o, returned)
		for j := range req.Lines {
			l := &req.Lines[j]
			if t := l.Exchange; t != nil {
				for _, it := range items {
					if it.LineID == l.LineID {
						t.Slug, t.SKU, t.Name, t.UnitPrice = it.Slug, it.SKU, it.Name, it.UnitPrice
					}
				}
			}
			if spec.photo {
				id := fmt.Sprintf("ph-demo-%d-%d", i+1, j+1)
				data, w, h, err := demoPhoto()
				if err != nil {
					return err
				}
				if err := s.ReturnPhotos.PutPhotoData(ctx, returns.Photo{ID: id, OrderNumber: o.Number, ContentType: "image/jpeg",
					Size: int64(len(data)), Width: w, Height: h, CreatedAt: at}, data, 0); err != nil {
					return fmt.Errorf("photo %s: %w", id, err)
				}
				l.PhotoIDs = []string{id}
			}
		}
		r, err := policy.NewReturn(req, items, at)
		if err != nil {
			return fmt.Errorf("return %d of %s: %w", i+1, o.Number, err)
		}
		stored, _, err := s.Returns.Create(ctx, r)
		if err != nil {
			return fmt.Errorf("return %d of %s: %w", i+1, o.Number, err)
		}
		for _, st := range spec.steps {
			if _, err := s.Returns.Transition(ctx, stored.Number, st.to, demoStaff, st.reason, b.at(st.days, st.hours)); err != nil {
				return fmt.Errorf("return %s to %s: %w", stored.Number, st.to, err)
			}
		}
	}
	return nil
}

// returnItems is what the returns domain needs of o's lines, with the units
// already going back (the server builds the same from the stored order).
func returnItems(o *orders.Order, returned map[string]int) []returns.Item {
	var items []returns.Item
	for _, l := range o.Lines {
		id := strconv.Itoa(l.ID)
		it := returns.Item{OrderNumber: o.Number, LineID: id, Slug: l.Slug, SKU: l.SKU, Category: l.Category,
			Name: l.Name, UnitPrice: l.UnitPrice, AlreadyReturned: returned[id], FinalSale: l.FinalSale,
			Configured: l.Configured, WarrantyMonths: l.WarrantyMonths}
		if at, ok := o.LineDeliveredAt(l.ID); ok {
			it.DeliveredAt, it.Delivered = &at, l.Qty
		}
		items = append(items, it)
	}
	return items
}

// demoPhoto draws the demo repair's photo: a dark screen with the bright
// band of a flicker across it.
func demoPhoto() ([]byte, int, int, error) {
	const w, h = 480, 320
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{30, 34, 44, 255}
			if x < 16 || x >= w-16 || y < 16 || y >= h-16 {
				c = color.RGBA{12, 12, 14, 255} // the bezel
			} else if y > 140 && y < 170 {
				c = color.RGBA{210, 220, 235, 255} // the flicker
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, 0, 0, err
	}
	return b.Bytes(), w, h, nil
}
