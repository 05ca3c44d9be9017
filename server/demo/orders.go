package demo

import (
	"encoding/json"
	"fmt"
	"time"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// Orders returns the ten demo orders of the order-tracking issue, VT-1001 to
// VT-1010, with every date and carrier event placed relative to now, so
// that each order is in its advertised state whatever day the demo data is
// created on (the README lists them):
//
//	VT-1001 ana.lopez@example.com      delivered 3 days ago; a coffee table and a configured sofa
//	VT-1002 li.wei@example.com         in transit
//	VT-1003 maria.popescu@example.com  out for delivery
//	VT-1004 john.smith@example.com     delivered 45 days ago (outside the return window)
//	VT-1005 carmen.diaz@example.com    delayed: past its promised date, not delivered
//	VT-1006 wang.fang@example.com      delivery attempt failed
//	VT-1007 ion.ionescu@example.com    split: one shipment delivered, one in transit
//	VT-1008 emma.brown@example.com     confirmed, not shipped yet
//	VT-1009 lucas.martin@example.com   cancelled
//	VT-1010 sofia.garcia@example.com   delivered 10 days ago; a final-sale helmet and a returnable armchair
//
// Lines are snapshots of the demo catalog's products (Products), so names,
// SKUs and prices agree with the showroom. The states are those derived by
// orders.Order.State with the same now; the demo tests check each one.
// Orders in transit become late if the demo runs for days without carrier
// events, as real ones would.
func Orders(now time.Time) []orders.Order {
	b := orderBuilder{now: now.UTC(), products: map[string]catalog.Product{}}
	for _, p := range Products() {
		b.products[p.Slug] = p
	}
	return []orders.Order{
		b.order(orderSpec{
			number: "VT-1001", email: "ana.lopez@example.com", name: "Ana López", locale: "es",
			address: orders.Address{Lines: []string{"Calle de Alcalá 123, 4º B"}, City: "Madrid", Postcode: "28009", Country: "ES"},
			placed:  -14, promised: -2, payment: "card",
			lines: []orders.Line{b.line(1, "oak-coffee-table", 1), b.configured(2, "modular-sofa", sofaSnapshot)},
			shipments: []shipmentSpec{{carrier: "SEUR", tracking: "ES2841000123456", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -10, 0, "Zaragoza", "Shipping label created"},
				{orders.EventPickedUp, -9, 0, "Zaragoza", "Parcel collected from the sender"},
				{orders.EventInTransit, -8, 0, "Zaragoza hub", "Departed from the sorting centre"},
				{orders.EventInTransit, -4, 0, "Madrid hub", "Arrived at the delivery centre"},
				{orders.EventOutForDelivery, -3, -5, "Madrid", "Out for delivery"},
				{orders.EventDelivered, -3, 0, "Madrid", "Delivered to the customer"},
			}}},
		}),
		b.order(orderSpec{
			number: "VT-1002", email: "li.wei@example.com", name: "Li Wei", locale: "zh-Hans",
			address: orders.Address{Lines: []string{"南京西路 1266 号 2301 室"}, City: "上海", Postcode: "200040", Country: "CN"},
			placed:  -5, promised: 4, payment: "alipay",
			lines: []orders.Line{b.line(1, "laptop-14", 1), b.line(2, "wireless-mouse", 1)},
			shipments: []shipmentSpec{{carrier: "DHL Express", tracking: "4812345670", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -4, 0, "Zaragoza", "Shipment information received"},
				{orders.EventPickedUp, -3, 0, "Zaragoza", "Shipment picked up"},
				{orders.EventInTransit, -2, 0, "Leipzig hub", "Processed at the international hub"},
				{orders.EventInTransit, -1, 0, "Shanghai Pudong", "Arrived at the destination country"},
			}}},
		}),
		b.order(orderSpec{
			number: "VT-1003", email: "maria.popescu@example.com", name: "Maria Popescu", locale: "ro",
			address: orders.Address{Lines: []string{"Strada Lipscani 25, ap. 3"}, City: "București", Postcode: "030031", Country: "RO"},
			placed:  -6, promised: 1, payment: "card",
			lines: []orders.Line{b.line(1, "ergonomic-chair", 1), b.line(2, "desk-lamp", 1)},
			shipments: []shipmentSpec{{carrier: "FAN Courier", tracking: "2150012345678", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -5, 0, "Zaragoza", "Shipping label created"},
				{orders.EventPickedUp, -4, 0, "Zaragoza", "Parcel collected from the sender"},
				{orders.EventInTransit, -3, 0, "Budapest hub", "In transit"},
				{orders.EventInTransit, -1, 0, "București hub", "Arrived at the local depot"},
				{orders.EventOutForDelivery, 0, -2, "București", "With the courier for delivery today"},
			}}},
		}),
		b.order(orderSpec{
			number: "VT-1004", email: "john.smith@example.com", name: "John Smith", locale: "en",
			address: orders.Address{Lines: []string{"14 Kensington Church Street"}, City: "London", Postcode: "W8 4EP", Country: "GB"},
			placed:  -52, promised: -44, payment: "paypal",
			lines: []orders.Line{b.line(1, "monitor-27", 1), b.line(2, "mechanical-keyboard", 1)},
			shipments: []shipmentSpec{{carrier: "DPD", tracking: "15501234567890", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -50, 0, "Zaragoza", "Shipping label created"},
				{orders.EventPickedUp, -49, 0, "Zaragoza", "Parcel collected"},
				{orders.EventInTransit, -48, 0, "Paris hub", "In transit"},
				{orders.EventInTransit, -46, 0, "London Park Royal", "Cleared customs"},
				{orders.EventOutForDelivery, -45, -4, "London", "Out for delivery"},
				{orders.EventDelivered, -45, 0, "London", "Delivered, signed for by J. SMITH"},
			}}},
		}),
		b.order(orderSpec{
			number: "VT-1005", email: "carmen.diaz@example.com", name: "Carmen Díaz", locale: "es",
			address: orders.Address{Lines: []string{"Avenida de la Constitución 18, 2º"}, City: "Sevilla", Postcode: "41004", Country: "ES"},
			placed:  -12, promised: -2, payment: "bizum",
			lines: []orders.Line{b.line(1, "platform-bed", 1), b.line(2, "bedside-table", 2)},
			shipments: []shipmentSpec{{carrier: "SEUR", tracking: "ES2841000654321", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -9, 0, "Zaragoza", "Shipping label created"},
				{orders.EventPickedUp, -8, 0, "Zaragoza", "Parcel collected from the sender"},
				{orders.EventInTransit, -7, 0, "Zaragoza hub", "Departed from the sorting centre"},
				{orders.EventInTransit, -4, 0, "Madrid hub", "In transit"},
			}}},
		}),
		b.order(orderSpec{
			number: "VT-1006", email: "wang.fang@example.com", name: "Wang Fang", locale: "zh-Hans",
			address: orders.Address{Lines: []string{"朝阳区建国路 88 号 5 号楼 1502 室"}, City: "北京", Postcode: "100022", Country: "CN"},
			placed:  -7, promised: 2, payment: "alipay",
			lines: []orders.Line{b.line(1, "camping-tent", 1), b.line(2, "sun-lounger", 2)},
			shipments: []shipmentSpec{{carrier: "SF Express", tracking: "SF1234567890123", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -6, 0, "Zaragoza", "Order information received"},
				{orders.EventPickedUp, -5, 0, "Zaragoza", "Picked up"},
				{orders.EventInTransit, -4, 0, "Frankfurt hub", "Departed the international hub"},
				{orders.EventInTransit, -1, 0, "北京顺义", "Arrived at the delivery station"},
				{orders.EventOutForDelivery, 0, -8, "北京朝阳", "Out for delivery"},
				{orders.EventFailedAttempt, 0, -4, "北京朝阳", "Recipient not available; the courier will try again"},
			}, nextAttempt: 1}},
		}),
		b.order(orderSpec{
			number: "VT-1007", email: "ion.ionescu@example.com", name: "Ion Ionescu", locale: "ro",
			address: orders.Address{Lines: []string{"Strada Memorandumului 28, ap. 7"}, City: "Cluj-Napoca", Postcode: "400114", Country: "RO"},
			placed:  -8, promised: 3, payment: "card",
			lines: []orders.Line{b.configured(1, "city-bike", bikeSnapshot), b.line(2, "bike-light-set", 1), b.line(3, "u-lock", 1)},
			shipments: []shipmentSpec{
				{carrier: "FAN Courier", tracking: "2150087654321", lines: []int{2, 3}, events: []eventSpec{
					{orders.EventLabelCreated, -7, 0, "Zaragoza", "Shipping label created"},
					{orders.EventPickedUp, -6, 0, "Zaragoza", "Parcel collected from the sender"},
					{orders.EventInTransit, -4, 0, "Cluj-Napoca hub", "Arrived at the local depot"},
					{orders.EventOutForDelivery, -2, -5, "Cluj-Napoca", "With the courier for delivery today"},
					{orders.EventDelivered, -2, 0, "Cluj-Napoca", "Delivered"},
				}},
				{carrier: "Cargus", tracking: "1098765432", lines: []int{1}, events: []eventSpec{
					{orders.EventLabelCreated, -3, 0, "Zaragoza", "Shipping label created"},
					{orders.EventPickedUp, -2, 0, "Zaragoza", "Pallet collected from the sender"},
					{orders.EventInTransit, -1, 0, "Arad", "Entered Romania"},
				}},
			},
		}),
		b.order(orderSpec{
			number: "VT-1008", email: "emma.brown@example.com", name: "Emma Brown", locale: "en",
			address:     orders.Address{Lines: []string{"88 Orchard Street, Apt 4"}, City: "New York, NY", Postcode: "10002", Country: "US"},
			placedHours: -3, promised: 10, payment: "card",
			lines: []orders.Line{b.line(1, "oak-bookshelf", 1), b.line(2, "arc-floor-lamp", 1)},
		}),
		b.order(orderSpec{
			number: "VT-1009", email: "lucas.martin@example.com", name: "Lucas Martin", locale: "en",
			address: orders.Address{Lines: []string{"12 rue des Archives"}, City: "Paris", Postcode: "75004", Country: "FR"},
			placed:  -9, promised: -1, cancelled: -8, payment: "paypal",
			lines: []orders.Line{b.line(1, "garden-bench", 1)},
		}),
		b.order(orderSpec{
			number: "VT-1010", email: "sofia.garcia@example.com", name: "Sofía García", locale: "es",
			address: orders.Address{Lines: []string{"Carrer de Mallorca 401, 3r 2a"}, City: "Barcelona", Postcode: "08013", Country: "ES"},
			placed:  -15, promised: -9, payment: "card",
			lines: []orders.Line{b.line(1, "cycling-helmet", 1), b.line(2, "linen-armchair", 1)},
			shipments: []shipmentSpec{{carrier: "Correos Express", tracking: "3230012345678901", lines: []int{1, 2}, events: []eventSpec{
				{orders.EventLabelCreated, -13, 0, "Zaragoza", "Shipping label created"},
				{orders.EventPickedUp, -12, 0, "Zaragoza", "Parcel collected from the sender"},
				{orders.EventInTransit, -11, 0, "Barcelona hub", "Arrived at the delivery centre"},
				{orders.EventOutForDelivery, -10, -4, "Barcelona", "Out for delivery"},
				{orders.EventDelivered, -10, 0, "Barcelona", "Delivered to the customer"},
			}}},
		}),
	}
}

// orderSpec is the part of a demo order that differs between orders. Days
// are relative to now: placed -14 is fourteen days ago.
type orderSpec struct {
	number, email, name, locale, payment string
	address                              orders.Address
	placed, promised, cancelled          int
	// placedHours, when set, places the order that many hours from now
	// instead of placed days, for an order placed today.
	placedHours int
	lines       []orders.Line
	shipments   []shipmentSpec
}

// shipmentSpec is a demo shipment carrying every unit of the given lines.
// nextAttempt is the carrier's new estimate, in days from now, that its
// failed-attempt events carry; 0 for none.
type shipmentSpec struct {
	carrier, tracking string
	lines             []int
	events            []eventSpec
	nextAttempt       int
}

// eventSpec is a carrier event days and hours from now (-3, -5 is five hours
// before the same time three days ago).
type eventSpec struct {
	kind               orders.EventKind
	days, hours        int
	place, description string
}

// orderBuilder turns specs into orders at a fixed now.
type orderBuilder struct {
	now      time.Time
	products map[string]catalog.Product
}

func (b orderBuilder) at(days, hours int) time.Time {
	return b.now.AddDate(0, 0, days).Add(time.Duration(hours) * time.Hour)
}

// date returns midnight UTC of the day days from now: promises are dates.
func (b orderBuilder) date(days int) time.Time {
	y, m, d := b.now.AddDate(0, 0, days).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (b orderBuilder) order(s orderSpec) orders.Order {
	o := orders.Order{
		Number:     s.number,
		Email:      s.email,
		Postcode:   s.address.Postcode,
		Name:       s.name,
		Address:    s.address,
		Locale:     s.locale,
		PlacedAt:   b.at(s.placed, s.placedHours),
		PromisedBy: b.date(s.promised),
		Lines:      s.lines,
	}
	if s.cancelled != 0 {
		o.CancelledAt = b.at(s.cancelled, 0)
	}
	for i, sh := range s.shipments {
		ship := orders.Shipment{
			ID:             fmt.Sprintf("%s-%d", s.number, i+1),
			Carrier:        sh.carrier,
			TrackingNumber: sh.tracking,
		}
		for _, id := range sh.lines {
			ship.Items = append(ship.Items, orders.ShipmentItem{LineID: id, Qty: o.Line(id).Qty})
		}
		for j, e := range sh.events {
			ev := orders.CarrierEvent{
				EventID:        fmt.Sprintf("%s-%d", sh.tracking, j+1),
				TrackingNumber: sh.tracking,
				Kind:           e.kind,
				At:             b.at(e.days, e.hours),
				Place:          e.place,
				Description:    e.description,
			}
			if e.kind == orders.EventFailedAttempt && sh.nextAttempt != 0 {
				ev.NewEstimate = b.date(sh.nextAttempt)
			}
			ship.Events = append(ship.Events, ev)
		}
		o.Shipments = append(o.Shipments, ship)
	}
	o.Totals = b.totals(o)
	o.Totals.PaymentMethod = s.payment
	return o
}

// demoVATRates are the standard VAT rates (percent) of the demo's EU
// destinations. Prices include VAT; exports outside the EU carry none.
var demoVATRates = map[string]int64{"ES": 21, "FR": 20, "RO": 21}

// totals computes an order's totals but the payment method: free shipping from 500 EUR, else a flat
// 5.95 EUR; VAT is the part of the total that is tax at the destination's
// rate.
func (b orderBuilder) totals(o orders.Order) orders.Totals {
	t := orders.Totals{Subtotal: catalog.EUR(0), Shipping: catalog.EUR(595)}
	for _, l := range o.Lines {
		t.Subtotal = t.Subtotal.Add(l.UnitPrice.Mul(int64(l.Qty)))
	}
	if t.Subtotal.Amount >= 50000 {
		t.Shipping = catalog.EUR(0)
	}
	t.Total = t.Subtotal.Add(t.Shipping)
	rate := demoVATRates[o.Address.Country]
	t.VAT = catalog.EUR((t.Total.Amount*rate + (100+rate)/2) / (100 + rate))
	return t
}

// line returns an order line of qty units of a demo product as sold today.
// It panics on an unknown slug: the demo data is code, and a typo must fail
// the tests, not ship.
func (b orderBuilder) line(id int, slug string, qty int) orders.Line {
	p, ok := b.products[slug]
	if !ok {
		panic("demo: order line of unknown product " + slug)
	}
	return orders.Line{
		ID: id, Slug: p.Slug, SKU: p.SKU, Category: p.Category, Name: p.Name,
		UnitPrice: p.Price, Qty: qty, FinalSale: p.FinalSale, WarrantyMonths: p.WarrantyMonths,
	}
}

// configured returns an order line of one configured product with the
// configuration snapshot that snap builds from the product.
func (b orderBuilder) configured(id int, slug string, snap func(catalog.Product) catalog.ConfigSnapshot) orders.Line {
	l := b.line(id, slug, 1)
	s := snap(b.products[slug])
	s.Code = s.Configuration().Encode()
	body, err := json.Marshal(s)
	if err != nil {
		panic("demo: " + err.Error())
	}
	l.Configured, l.Configuration, l.UnitPrice = true, string(body), s.Total
	return l
}

// sofaSnapshot is Ana López's sofa: the default three seats with a chaise
// longue added and a green cover. The configurator of the demo catalog
// should produce the same snapshot; until it exists this one is written out.
func sofaSnapshot(p catalog.Product) catalog.ConfigSnapshot {
	opts := []catalog.ConfigSnapshotOption{
		{Choice: "chaise", ChoiceName: tr("Chaise longue", "Chaise longue", "贵妃位", "Șezlong"),
			Option: "left", SKU: p.SKU + "-CHL", Name: tr("Left chaise", "Chaise a la izquierda", "左侧贵妃位", "Șezlong stânga"), Price: catalog.EUR(24900)},
		{Choice: "cover", ChoiceName: tr("Cover", "Funda", "沙发套", "Husă"),
			Option: "forest-green", SKU: p.SKU + "-CV-GRN", Name: tr("Forest green", "Verde bosque", "森林绿", "Verde pădure"), Price: catalog.EUR(0)},
		{Choice: "legs", ChoiceName: tr("Legs", "Patas", "沙发脚", "Picioare"),
			Option: "oak", SKU: p.SKU + "-LG-OAK", Name: tr("Oak", "Roble", "橡木", "Stejar"), Price: catalog.EUR(4900)},
	}
	return snapshotOf(p, opts)
}

// bikeSnapshot is Ion Ionescu's city bike: a medium frame in petrol blue
// with a rear rack.
func bikeSnapshot(p catalog.Product) catalog.ConfigSnapshot {
	opts := []catalog.ConfigSnapshotOption{
		{Choice: "frame-size", ChoiceName: tr("Frame size", "Talla de cuadro", "车架尺寸", "Mărime cadru"),
			Option: "m", SKU: p.SKU + "-FR-M", Name: same("M (165–180 cm)"), Price: catalog.EUR(0)},
		{Choice: "colour", ChoiceName: tr("Colour", "Color", "颜色", "Culoare"),
			Option: "petrol", SKU: p.SKU + "-CL-PET", Name: tr("Petrol blue", "Azul petróleo", "石油蓝", "Albastru petrol"), Price: catalog.EUR(0)},
		{Choice: "rack", ChoiceName: tr("Rear rack", "Portabultos", "后货架", "Portbagaj"),
			Option: "steel-rack", SKU: p.SKU + "-RK", Name: tr("Steel rear rack", "Portabultos de acero", "钢制后货架", "Portbagaj din oțel"), Price: catalog.EUR(3900)},
	}
	return snapshotOf(p, opts)
}

// snapshotOf writes out a configuration of p with the chosen options, priced
// as the product's price plus the options'.
func snapshotOf(p catalog.Product, opts []catalog.ConfigSnapshotOption) catalog.ConfigSnapshot {
	s := catalog.ConfigSnapshot{
		Product: p.Slug, BaseSKU: p.SKU, BaseName: p.Name, Base: p.Price, Total: p.Price,
		Options: opts, Dimensions: []catalog.ConfigSnapshotDimension{}, Quantities: []catalog.ConfigSnapshotQuantity{},
		LeadTimeDays: p.LeadTimeDays,
	}
	for _, o := range opts {
		s.Total = s.Total.Add(o.Price)
	}
	return s
}
