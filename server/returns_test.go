package server_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/portal/returns"
	"vitrine/server"
	"vitrine/server/api"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
)

// proof returns the cookie a successful lookup of number sets, signed as
// the server signs it, so tests need not spend the lookup rate limit.
func proof(number string) []string {
	v := orders.SignProof([]byte(testSecret), number, time.Now().Add(24*time.Hour))
	return []string{"Cookie", server.ProofCookie + "=" + v}
}

// withCT adds a Content-Type to header pairs.
func withCT(ct string, h []string) []string { return append([]string{"Content-Type", ct}, h...) }

func (e *env) options(t *testing.T, number string) api.ReturnOptions {
	t.Helper()
	resp, b := e.do(t, "GET", api.ReturnsPath(number), nil, proof(number)...)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	return decode[api.ReturnOptions](t, b)
}

func item(t *testing.T, o api.ReturnOptions, slug string) api.ReturnItem {
	t.Helper()
	for _, it := range o.Items {
		if it.Slug == slug {
			return it
		}
	}
	t.Fatalf("no %s in %s", slug, o.OrderNumber)
	return api.ReturnItem{}
}

func TestReturnEligibilityOfTheDemoOrders(t *testing.T) {
	e, _ := newOrderEnv(t)
	code := func(n *returns.Notice) string {
		if n == nil {
			return ""
		}
		return n.Code
	}
	for _, tc := range []struct {
		order, slug string
		returnable  int
		why         string
		repairable  int
	}{
		{"VT-1001", "oak-coffee-table", 1, "", 1},
		{"VT-1001", "modular-sofa", 1, "", 1},
		{"VT-1002", "laptop-14", 0, returns.NotDelivered, 0},
		{"VT-1004", "monitor-27", 0, returns.WindowClosed, 1},
		{"VT-1004", "mechanical-keyboard", 0, returns.AlreadyReturned, 0},
		{"VT-1007", "city-bike", 0, returns.NotDelivered, 0},
		{"VT-1007", "u-lock", 0, returns.AlreadyReturned, 0},
		{"VT-1007", "bike-light-set", 1, "", 1},
		{"VT-1010", "cycling-helmet", 0, returns.FinalSale, 1},
		{"VT-1010", "linen-armchair", 1, "", 1},
	} {
		t.Run(tc.order+" "+tc.slug, func(t *testing.T) {
			el := item(t, e.options(t, tc.order), tc.slug).Eligibility
			assert.Equal(t, tc.returnable, el.Returnable)
			assert.Equal(t, tc.why, code(el.NotReturnable))
			assert.Equal(t, tc.repairable, el.Repairable)
		})
	}

	o := e.options(t, "VT-1004")
	closed := item(t, o, "monitor-27").Eligibility
	require.NotNil(t, closed.NotReturnable)
	assert.Equal(t, "returns.ineligible.window_closed", closed.NotReturnable.Key)
	assert.Equal(t, closed.ReturnUntil.Format(time.DateOnly), closed.NotReturnable.Params["date"], "the date the window closed on")
	assert.Contains(t, closed.NotReturnable.Message, "The return window closed on")
	assert.Len(t, o.Returns, 2, "the demo's refunded return and repair")
	assert.Equal(t, 30, o.Policy.WindowDays)
	assert.Equal(t, 10, o.Policy.StoreCreditBonusPercent)
	assert.NotEmpty(t, o.Policy.Lines)
	assert.NotEmpty(t, o.Products)
	require.NotNil(t, o.Pickup, "the pickup address, for a browser that proved the order")
	assert.Equal(t, "W8 4EP", o.Pickup.Address.Postcode)

	sofa := item(t, e.options(t, "VT-1001"), "modular-sofa")
	assert.True(t, sofa.Configured)
	assert.True(t, sofa.Reconfigurable)
	assert.NotEmpty(t, sofa.ConfigurationCode)
}

func TestReturnsNeedTheOrderProof(t *testing.T) {
	e, _ := newOrderEnv(t)
	link := e.server.OrderLink("VT-1001")
	for _, tc := range []struct{ method, path string }{
		{"GET", api.ReturnsPath("VT-1001")},
		{"GET", api.ReturnsPath("VT-1001") + "?token=" + tokenOf(t, link)},
		{"POST", api.ReturnsPath("VT-1001") + "/quote"},
		{"POST", api.ReturnsPath("VT-1001")},
		{"POST", api.ReturnPhotosPath("VT-1001")},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			resp, b := e.do(t, tc.method, tc.path, strings.NewReader("{}"), jsonCT...)
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, string(b))
			assert.Equal(t, "track.err.confirm_needed", errorOf(t, b).Key)
		})
	}
	// Another order's proof opens nothing here.
	resp, _ := e.do(t, "GET", api.ReturnsPath("VT-1001"), nil, proof("VT-1010")...)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	// The lookup's own cookie is sent to the returns routes and opens them.
	lr, _ := e.lookup(t, "VT-1001", "28009")
	c := proofCookie(t, lr)
	assert.True(t, strings.HasPrefix(api.ReturnsPath("VT-1001"), c.Path))
	assert.True(t, strings.HasPrefix(api.ReturnPhotosPath("VT-1001"), c.Path))
	resp, b := e.do(t, "GET", api.ReturnsPath("VT-1001"), nil, "Cookie", c.Name+"="+c.Value)
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(b))
}

// request is a valid request for one unit of VT-1001's coffee table.
func request(key string) returns.Request {
	return returns.Request{OrderNumber: "VT-1001", Kind: returns.KindReturn, Resolution: returns.ResolutionRefund,
		ShippingMethod: returns.ShippingDropOff, IdempotencyKey: key,
		Lines: []returns.RequestLine{{LineID: "1", Qty: 1, Reason: returns.ReasonChangedMind}}}
}

func (e *env) quote(t *testing.T, req returns.Request) (*http.Response, []byte) {
	t.Helper()
	return e.do(t, "POST", api.ReturnsPath(req.OrderNumber)+"/quote", jsonBody(t, req), withCT("application/json", proof(req.OrderNumber))...)
}

func (e *env) create(t *testing.T, req returns.Request) (*http.Response, []byte) {
	t.Helper()
	return e.do(t, "POST", api.ReturnsPath(req.OrderNumber), jsonBody(t, req), withCT("application/json", proof(req.OrderNumber))...)
}

func TestReturnQuote(t *testing.T) {
	e, _ := newOrderEnv(t)
	table := item(t, e.options(t, "VT-1001"), "oak-coffee-table").UnitPrice
	sofa := item(t, e.options(t, "VT-1001"), "modular-sofa")

	refund := request("q1")
	credit := request("q2")
	credit.Resolution = returns.ResolutionStoreCredit
	damaged := request("q3")
	damaged.Lines[0].Reason = returns.ReasonWrongItem
	lamp := request("q4")
	lamp.Kind, lamp.Resolution = returns.KindExchange, returns.ResolutionExchange
	lamp.Lines[0].Exchange = &returns.ExchangeTarget{Type: returns.TargetProduct, Slug: "desk-lamp",
		UnitPrice: catalog.EUR(1)} // the browser's price is ignored
	reconfigure := request("q5")
	reconfigure.Kind, reconfigure.Resolution = returns.KindExchange, returns.ResolutionExchange
	cf := demo.ConfiguratorFor("modular-sofa")
	bigger := cf.Default()
	bigger.Quantities["modules"]++
	biggerPrice, _ := cf.Price(bigger)
	reconfigure.Lines = []returns.RequestLine{{LineID: "2", Qty: 1, Reason: returns.ReasonChangedMind,
		Exchange: &returns.ExchangeTarget{Type: returns.TargetConfiguration, ConfigurationID: bigger.Encode()}}}

	_, pb := e.do(t, "GET", "/api/v1/products/desk-lamp", nil)
	lampPrice, lampName := decode[api.ProductResponse](t, pb).Product.Price, decode[api.ProductResponse](t, pb).Product.Name["en"]

	for _, tc := range []struct {
		name  string
		req   returns.Request
		check func(t *testing.T, q api.QuoteResponse)
	}{
		{"refund less drop-off shipping", refund, func(t *testing.T, q api.QuoteResponse) {
			assert.Equal(t, catalog.EUR(990), q.Quote.ReturnShipping)
			assert.Equal(t, table.Amount-990, q.Quote.Refund.Amount)
		}},
		{"store credit with the bonus", credit, func(t *testing.T, q api.QuoteResponse) {
			base := table.Amount - 990
			assert.Equal(t, (base*10+50)/100, q.Quote.StoreCreditBonus.Amount)
			assert.Equal(t, base+q.Quote.StoreCreditBonus.Amount, q.Quote.StoreCredit.Amount)
		}},
		{"the store's fault ships free", damaged, func(t *testing.T, q api.QuoteResponse) {
			assert.True(t, q.Quote.ReturnShippingWaived)
			assert.Equal(t, table, q.Quote.Refund)
		}},
		{"exchange for a cheaper product: money back", lamp, func(t *testing.T, q api.QuoteResponse) {
			require.Contains(t, q.Targets, "1")
			assert.Equal(t, lampPrice, q.Targets["1"].UnitPrice, "priced from the catalog")
			assert.Equal(t, lampName, q.Targets["1"].Name["en"])
			assert.Equal(t, lampPrice.Amount-(table.Amount-990), q.Quote.ExchangeDifference.Amount)
			assert.Negative(t, q.Quote.ExchangeDifference.Amount)
		}},
		{"another configuration of the sofa: priced by the configurator", reconfigure, func(t *testing.T, q api.QuoteResponse) {
			require.Contains(t, q.Targets, "2")
			assert.Equal(t, biggerPrice, q.Targets["2"].UnitPrice)
			assert.Equal(t, bigger.Encode(), q.Targets["2"].ConfigurationID)
			fee := (sofa.UnitPrice.Amount*10 + 50) / 100
			assert.Equal(t, fee, q.Quote.RestockingFees.Amount, "configured items pay the restocking fee")
			assert.Equal(t, biggerPrice.Amount-(sofa.UnitPrice.Amount-fee-990), q.Quote.ExchangeDifference.Amount,
				"the customer pays the bigger sofa's price less what the returned one is worth")
			assert.Positive(t, q.Quote.ExchangeDifference.Amount)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.quote(t, tc.req)
			require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
			q := decode[api.QuoteResponse](t, b)
			assert.False(t, q.Quote.SendBy.IsZero())
			tc.check(t, q)
		})
	}

	t.Run("every problem at once, each on its field", func(t *testing.T) {
		bad := request("q6")
		bad.Lines = append(bad.Lines, returns.RequestLine{LineID: "2", Qty: 3, Reason: returns.ReasonDamaged})
		bad.ShippingMethod = ""
		resp, b := e.quote(t, bad)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		body := decode[api.ErrorBody](t, b)
		fields := map[string]api.ErrorDetail{}
		for _, p := range body.Error.Errors {
			fields[p.Field] = p
		}
		assert.Equal(t, "returns.err.shipping", fields["shippingMethod"].Key)
		assert.Equal(t, "returns.err.qty_max", fields["lines[1].qty"].Key)
		assert.Equal(t, "1", fields["lines[1].qty"].Params["max"])
		assert.Equal(t, "returns.err.photos_required", fields["lines[1].photoIds"].Key)
		first := body.Error
		first.Errors = nil
		assert.Equal(t, body.Error.Errors[0], first, "the first is also in the envelope's own fields")
	})

	t.Run("a bad configuration code", func(t *testing.T) {
		bad := reconfigure
		bad.Lines = []returns.RequestLine{{LineID: "2", Qty: 1, Reason: returns.ReasonChangedMind,
			Exchange: &returns.ExchangeTarget{Type: returns.TargetConfiguration, ConfigurationID: "legs.gold"}}}
		resp, b := e.quote(t, bad)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		body := decode[api.ErrorBody](t, b)
		assert.Equal(t, "lines[0].exchange.configurationId", body.Error.Field)
		assert.Equal(t, "returns.err.exchange_configuration", body.Error.Key)
		assert.Len(t, body.Error.Errors, 1, "not also reported as having no price")
	})
}

func TestReturnCreateIsIdempotent(t *testing.T) {
	e, _ := newOrderEnv(t)
	resp, b := e.create(t, request("tap-1"))
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	first := decode[api.ReturnResponse](t, b)
	assert.True(t, first.Created)
	assert.True(t, strings.HasPrefix(first.Return.Number, "RT-"))
	assert.Equal(t, returns.StatusRequested, first.Return.Status)
	assert.Empty(t, first.Return.IdempotencyKey, "the key stays with the browser that made it")
	assert.Len(t, first.Return.Path, 6)

	// A double tap: the items are now "already returned", yet the resend is
	// answered with the same request, not with an error.
	resp, b = e.create(t, request("tap-1"))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	again := decode[api.ReturnResponse](t, b)
	assert.False(t, again.Created)
	assert.Equal(t, first.Return.Number, again.Return.Number)

	list, err := e.returns.ListByOrder(context.Background(), "VT-1001")
	require.NoError(t, err)
	assert.Len(t, list, 1)

	// A new request for the same unit is refused with the reason.
	resp, b = e.create(t, request("tap-2"))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "returns.ineligible.already_returned", errorOf(t, b).Key)

	// The customer reads it back, with a QR code and a label.
	resp, b = e.do(t, "GET", api.ReturnPath("VT-1001", first.Return.Number), nil, proof("VT-1001")...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, first.Return.Number, decode[api.ReturnResponse](t, b).Return.Number)
	for _, path := range []string{api.ReturnQRPath("VT-1001", first.Return.Number), api.ReturnLabelPath("VT-1001", first.Return.Number)} {
		resp, b = e.do(t, "GET", path, nil, proof("VT-1001")...)
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
		assert.Equal(t, "image/png", resp.Header.Get("Content-Type"))
		img, err := png.Decode(bytes.NewReader(b))
		require.NoError(t, err, path)
		assert.Greater(t, img.Bounds().Dx(), 200)
	}
	resp, _ = e.do(t, "GET", api.ReturnLabelPath("VT-1001", first.Return.Number), nil, proof("VT-1001")...)
	assert.Contains(t, resp.Header.Get("Content-Disposition"), first.Return.Number+"-label.png")
	// Another order's proof does not reach it.
	resp, _ = e.do(t, "GET", api.ReturnPath("VT-1010", first.Return.Number), nil, proof("VT-1010")...)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)

	box, err := e.orders.Outbox(context.Background(), "VT-1001")
	require.NoError(t, err)
	require.Len(t, box, 1, "one email for one request")
	assert.Equal(t, server.MailReturn, box[0].Kind)
	assert.Contains(t, box[0].Subject, first.Return.Number)
	assert.Contains(t, box[0].Body, server.ReturnPagePath("VT-1001", first.Return.Number))
}

func TestConcurrentReturnsNeverExceedWhatWasDelivered(t *testing.T) {
	e, _ := newOrderEnv(t)
	const n = 6
	codes := make([]int, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			req := request("racer-" + string(rune('a'+i)))
			req.Lines = []returns.RequestLine{{LineID: "2", Qty: 1, Reason: returns.ReasonChangedMind}}
			resp, _ := e.create(t, req)
			codes[i] = resp.StatusCode
		}()
	}
	close(start)
	wg.Wait()
	created := 0
	for _, c := range codes {
		switch c {
		case http.StatusCreated:
			created++
		case http.StatusConflict, http.StatusBadRequest: // lost the race in the store, or came after it
		default:
			t.Errorf("unexpected status %d", c)
		}
	}
	assert.Equal(t, 1, created, "one sofa was delivered: %v", codes)
	got, err := e.returns.Returned(context.Background(), "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"2": 1}, got)
}

// jpegWithEXIF returns a w×h JPEG carrying an EXIF segment with the camera
// "SecretCam 9000", a GPS-like comment and orientation o.
func jpegWithEXIF(t *testing.T, w, h int, o uint16) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 5), uint8(y * 5), 120, 255})
		}
	}
	var plain bytes.Buffer
	require.NoError(t, jpeg.Encode(&plain, img, nil))

	// TIFF, big-endian: IFD0 with Orientation (SHORT) and Make (ASCII).
	maker := []byte("SecretCam 9000 GPS 40.4168N 3.7038W\x00")
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	binary.Write(&tiff, binary.BigEndian, uint32(8))
	binary.Write(&tiff, binary.BigEndian, uint16(2))
	binary.Write(&tiff, binary.BigEndian, []uint16{0x0112, 3})
	binary.Write(&tiff, binary.BigEndian, uint32(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{o, 0})
	binary.Write(&tiff, binary.BigEndian, []uint16{0x010F, 2})
	binary.Write(&tiff, binary.BigEndian, uint32(len(maker)))
	binary.Write(&tiff, binary.BigEndian, uint32(8+2+2*12+4))
	binary.Write(&tiff, binary.BigEndian, uint32(0))
	tiff.Write(maker)
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)

	var out bytes.Buffer
	out.Write(plain.Bytes()[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(plain.Bytes()[2:])
	return out.Bytes()
}

// tinyWebP is a 1×1 lossless WebP.
var tinyWebP, _ = base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")

func (e *env) upload(t *testing.T, order, ct string, body []byte) (*http.Response, []byte) {
	t.Helper()
	return e.do(t, "POST", api.ReturnPhotosPath(order), bytes.NewReader(body), withCT(ct, proof(order))...)
}

func (e *env) photoCount(t *testing.T) int {
	t.Helper()
	var n int
	require.NoError(t, e.db.QueryRow(`SELECT COUNT(*) FROM return_photos`).Scan(&n))
	return n
}

func TestPhotoUploadStripsMetadataAndTurnsUpright(t *testing.T) {
	e, _ := newOrderEnv(t)
	src := jpegWithEXIF(t, 40, 20, 6)
	require.Contains(t, string(src), "SecretCam", "the test photo carries the metadata")

	resp, b := e.upload(t, "VT-1001", "image/jpeg", src)
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	ph := decode[api.ReturnPhotoResponse](t, b).Photo
	assert.Equal(t, "image/jpeg", ph.ContentType)
	assert.Equal(t, 20, ph.Width, "orientation 6 is a quarter turn: the stored photo is upright")
	assert.Equal(t, 40, ph.Height)

	resp, stored := e.do(t, "GET", api.ReturnPhotoPath("VT-1001", ph.ID), nil, proof("VT-1001")...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "image/jpeg", resp.Header.Get("Content-Type"))
	assert.NotContains(t, string(stored), "Exif", "no EXIF segment")
	assert.NotContains(t, string(stored), "SecretCam")
	assert.NotContains(t, string(stored), "40.4168N")
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(stored))
	require.NoError(t, err)
	assert.Equal(t, [2]int{20, 40}, [2]int{cfg.Width, cfg.Height})

	// Another order cannot see it.
	resp, _ = e.do(t, "GET", api.ReturnPhotoPath("VT-1010", ph.ID), nil, proof("VT-1010")...)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestPhotoUploadFormats(t *testing.T) {
	e, _ := newOrderEnv(t)
	var pngBytes bytes.Buffer
	require.NoError(t, png.Encode(&pngBytes, image.NewNRGBA(image.Rect(0, 0, 3000, 1500))))
	var multi bytes.Buffer
	mw := multipart.NewWriter(&multi)
	fw, err := mw.CreateFormFile("photo", "IMG_0001.webp")
	require.NoError(t, err)
	fw.Write(tinyWebP)
	require.NoError(t, mw.Close())

	for _, tc := range []struct {
		name, ct string
		body     []byte
		wantType string
		w, h     int
	}{
		{"a large PNG stays PNG, scaled down", "image/png", pngBytes.Bytes(), "image/png", 2048, 1024},
		{"a WebP becomes JPEG", "image/webp", tinyWebP, "image/jpeg", 1, 1},
		{"the type comes from the bytes, not the header", "image/png", tinyWebP, "image/jpeg", 1, 1},
		{"multipart, as a form sends it", mw.FormDataContentType(), multi.Bytes(), "image/jpeg", 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.upload(t, "VT-1001", tc.ct, tc.body)
			require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
			ph := decode[api.ReturnPhotoResponse](t, b).Photo
			assert.Equal(t, tc.wantType, ph.ContentType)
			assert.Equal(t, [2]int{tc.w, tc.h}, [2]int{ph.Width, ph.Height})
		})
	}
}

func TestPhotoUploadRefusesBadPhotosAndKeepsNothing(t *testing.T) {
	e, _ := newOrderEnv(t)
	before := e.photoCount(t)
	corrupt := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte("not a photo "), 100)...)
	for _, tc := range []struct {
		name, ct string
		body     []byte
		status   int
		key      string
	}{
		{"a text file called a JPEG", "image/jpeg", []byte("hello, this is not an image at all"), http.StatusBadRequest, "returns.err.photo_type"},
		{"a GIF", "image/gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), http.StatusBadRequest, "returns.err.photo_type"},
		{"not an image type at all", "application/pdf", []byte("%PDF-1.7"), http.StatusBadRequest, "returns.err.photo_type"},
		{"a JPEG header over garbage", "image/jpeg", corrupt, http.StatusBadRequest, "returns.err.photo_corrupt"},
		{"a truncated photo", "image/jpeg", jpegWithEXIF(t, 40, 20, 1)[:300], http.StatusBadRequest, "returns.err.photo_corrupt"},
		{"too large", "image/jpeg", append(jpegWithEXIF(t, 8, 8, 1), make([]byte, api.MaxPhotoBytes)...), http.StatusRequestEntityTooLarge, "returns.err.photo_too_large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.upload(t, "VT-1001", tc.ct, tc.body)
			assert.Equal(t, tc.status, resp.StatusCode, string(b))
			assert.Equal(t, tc.key, errorOf(t, b).Key)
			assert.Equal(t, "photo", errorOf(t, b).Field)
		})
	}
	assert.Equal(t, before, e.photoCount(t), "nothing half-saved")
}

// countingReader counts what the server reads of a body: a JPEG's first
// bytes, then filler.
type countingReader struct {
	mu   sync.Mutex
	read int64
	left int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), c.left)
	for i := range p[:n] {
		p[i] = 0xFF
		if c.read+int64(i) == 1 {
			p[i] = 0xD8
		}
	}
	c.left -= n
	c.read += n
	return int(n), nil
}

func TestPhotoUploadTooLargeIsRefusedWithoutReadingIt(t *testing.T) {
	e, _ := newOrderEnv(t)
	before := e.photoCount(t)
	const size = 200 << 20
	for _, tc := range []struct {
		name     string
		declared int64
		maxRead  int64
	}{
		{"declared too large: refused before reading", size, 0},
		{"chunked, no length: read only up to the limit", -1, api.MaxPhotoBytes + 128<<10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := &countingReader{left: size}
			req := httptest.NewRequest("POST", api.ReturnPhotosPath("VT-1001"), body)
			req.ContentLength = tc.declared
			req.Header.Set("Content-Type", "image/jpeg")
			req.Header.Set("Cookie", proof("VT-1001")[1])
			rec := httptest.NewRecorder()
			e.server.Handler().ServeHTTP(rec, req)
			assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, rec.Body.String())
			assert.LessOrEqual(t, body.read, tc.maxRead, "read %d of %d bytes", body.read, size)
		})
	}
	assert.Equal(t, before, e.photoCount(t))
}

func TestReturnWithPhotos(t *testing.T) {
	e, _ := newOrderEnv(t)
	before := e.photoCount(t)
	resp, b := e.upload(t, "VT-1001", "image/jpeg", jpegWithEXIF(t, 40, 20, 1))
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	ph := decode[api.ReturnPhotoResponse](t, b).Photo

	req := request("photo-1")
	req.Lines[0].Reason, req.Lines[0].PhotoIDs = returns.ReasonDamaged, []string{ph.ID}
	resp, b = e.create(t, req)
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	r := decode[api.ReturnResponse](t, b).Return
	assert.Equal(t, []string{ph.ID}, r.Lines[0].PhotoIDs)
	assert.True(t, r.Quote.ReturnShippingWaived, "damaged on arrival ships back free")

	// A photo in a request stays: the customer cannot delete it any more.
	resp, _ = e.do(t, "DELETE", api.ReturnPhotoPath("VT-1001", ph.ID), nil, proof("VT-1001")...)
	assert.Equal(t, http.StatusConflict, resp.StatusCode)

	// One not sent yet can be taken back.
	resp, b = e.upload(t, "VT-1001", "image/jpeg", jpegWithEXIF(t, 40, 20, 1))
	require.Equal(t, http.StatusCreated, resp.StatusCode)
	spare := decode[api.ReturnPhotoResponse](t, b).Photo
	resp, _ = e.do(t, "DELETE", api.ReturnPhotoPath("VT-1001", spare.ID), nil, proof("VT-1001")...)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, before+1, e.photoCount(t))
}

func TestStaffMovesAReturnToRefunded(t *testing.T) {
	e, _ := newOrderEnv(t)
	resp, b := e.create(t, request("staff-1"))
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	number := decode[api.ReturnResponse](t, b).Return.Number
	move := func(cookie *http.Cookie, to returns.Status, reason string) (*http.Response, []byte) {
		h := jsonCT
		if cookie != nil {
			h = append([]string{"Cookie", cookie.Name + "=" + cookie.Value}, jsonCT...)
		}
		return e.do(t, "POST", "/api/v1/staff/returns/"+number+"/status",
			jsonBody(t, api.StaffTransitionRequest{To: to, Reason: reason}), h...)
	}

	// Without a staff session: 401, on every staff route.
	resp, b = move(nil, returns.StatusApproved, "")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, string(b))
	for _, path := range []string{"/api/v1/staff/returns", "/api/v1/staff/returns/" + number, "/api/v1/staff/return-photos/ph-x"} {
		resp, _ = e.do(t, "GET", path, nil)
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, path)
	}
	// Nor does an order's proof make anyone staff.
	resp, _ = e.do(t, "GET", "/api/v1/staff/returns", nil, proof("VT-1001")...)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	addStaff(t, e)
	c := signIn(t, e)
	cookie := []string{"Cookie", c.Name + "=" + c.Value}
	resp, b = e.do(t, "GET", "/api/v1/staff/returns?status=requested", nil, cookie...)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	list := decode[api.StaffReturnsResponse](t, b)
	assert.Contains(t, numbersOf(list.Returns), number)
	for _, r := range list.Returns {
		assert.Equal(t, returns.StatusRequested, r.Status)
	}
	assert.Equal(t, 1, list.Counts[returns.StatusRefunded], "the demo's refunded return is counted")

	resp, _ = move(c, returns.StatusRefunded, "")
	assert.Equal(t, http.StatusConflict, resp.StatusCode, "no refund before the parcel is back")
	for _, to := range []returns.Status{returns.StatusApproved, returns.StatusInTransit, returns.StatusReceived,
		returns.StatusInspected, returns.StatusRefunded} {
		resp, b = move(c, to, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, "to %s: %s", to, b)
		assert.Equal(t, to, decode[api.ReturnResponse](t, b).Return.Status)
	}
	resp, b = move(c, returns.StatusApproved, "")
	assert.Equal(t, http.StatusConflict, resp.StatusCode, "a refunded return is at its end")
	assert.Equal(t, "returns.err.illegal_transition", errorOf(t, b).Key)

	// The customer sees every step, not who took it.
	resp, b = e.do(t, "GET", api.ReturnPath("VT-1001", number), nil, proof("VT-1001")...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	r := decode[api.ReturnResponse](t, b).Return
	assert.Equal(t, returns.StatusRefunded, r.Status)
	require.Len(t, r.Timeline, 6)
	assert.Equal(t, returns.ByCustomer, r.Timeline[0].By)
	for _, ev := range r.Timeline[1:] {
		assert.Equal(t, "store", ev.By)
	}
	assert.NotContains(t, string(b), staffEmail)

	log, err := sqlite.NewStaffStore(e.db).Audit(context.Background(), server.ActionReturnStatus, 10)
	require.NoError(t, err)
	require.Len(t, log, 5, "every move recorded")
	assert.Equal(t, staffEmail, log[0].Actor)
	assert.Equal(t, number, log[0].Target)
	assert.Equal(t, "inspected → refunded", log[0].Detail)

	box, err := e.orders.Outbox(context.Background(), "VT-1001")
	require.NoError(t, err)
	assert.Len(t, box, 6, "the request and each step emailed")
}

func TestStaffRejectsWithAReason(t *testing.T) {
	e, _ := newOrderEnv(t)
	addStaff(t, e)
	c := signIn(t, e)
	h := append([]string{"Cookie", c.Name + "=" + c.Value}, jsonCT...)
	resp, b := e.create(t, request("rej-1"))
	require.Equal(t, http.StatusCreated, resp.StatusCode)
	number := decode[api.ReturnResponse](t, b).Return.Number
	path := "/api/v1/staff/returns/" + number + "/status"

	resp, b = e.do(t, "POST", path, jsonBody(t, api.StaffTransitionRequest{To: returns.StatusRejected}), h...)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "reason", errorOf(t, b).Field)
	assert.Equal(t, "returns.err.reject_reason", errorOf(t, b).Key)

	resp, b = e.do(t, "POST", path, jsonBody(t, api.StaffTransitionRequest{To: returns.StatusRejected, Reason: "Bought in another store."}), h...)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	// The units are free again: the customer may send a new request.
	resp, b = e.create(t, request("rej-2"))
	assert.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
}

func numbersOf(rs []api.ReturnSummary) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Number)
	}
	return out
}

func TestRepairUnderWarrantyAfterTheReturnWindow(t *testing.T) {
	e, _ := newOrderEnv(t)
	resp, b := e.upload(t, "VT-1004", "image/jpeg", jpegWithEXIF(t, 40, 20, 1))
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	ph := decode[api.ReturnPhotoResponse](t, b).Photo

	req := returns.Request{OrderNumber: "VT-1004", Kind: returns.KindRepair, ShippingMethod: returns.ShippingPickup,
		Contact: returns.ContactPhone, Phone: "+44 20 7946 0000", IdempotencyKey: "repair-1",
		Lines: []returns.RequestLine{{LineID: "1", Qty: 1, Reason: returns.ReasonDefective,
			ReasonText: "Dead pixels in the corner.", PhotoIDs: []string{ph.ID}}}}
	// The demo already has a repair of this monitor in progress; a second
	// claim for the same unit is still allowed (repairs do not use units up).
	resp, b = e.create(t, req)
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	r := decode[api.ReturnResponse](t, b).Return
	assert.True(t, strings.HasPrefix(r.Number, returns.RepairPrefix), r.Number)
	assert.Zero(t, r.Quote.Refund.Amount)
	assert.True(t, r.Quote.ReturnShippingWaived, "warranty repairs travel free")
	assert.Equal(t, returns.ContactPhone, r.Contact)
	assert.Equal(t, []returns.Status{returns.StatusRequested, returns.StatusApproved, returns.StatusInTransit,
		returns.StatusReceived, returns.StatusRepaired, returns.StatusShippedBack}, r.Path)

	// A return of the same monitor is refused: its window closed.
	ret := req
	ret.Kind, ret.Resolution, ret.IdempotencyKey, ret.Contact, ret.Phone = returns.KindReturn, returns.ResolutionRefund, "repair-2", "", ""
	ret.Lines = []returns.RequestLine{{LineID: "1", Qty: 1, Reason: returns.ReasonChangedMind}}
	resp, b = e.create(t, ret)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "returns.ineligible.window_closed", errorOf(t, b).Key)
	assert.NotEmpty(t, errorOf(t, b).Params["date"])

	addStaff(t, e)
	c := signIn(t, e)
	h := append([]string{"Cookie", c.Name + "=" + c.Value}, jsonCT...)
	for _, to := range r.Path[1:] {
		resp, b = e.do(t, "POST", "/api/v1/staff/returns/"+r.Number+"/status", jsonBody(t, api.StaffTransitionRequest{To: to}), h...)
		require.Equal(t, http.StatusOK, resp.StatusCode, "to %s: %s", to, b)
	}
	assert.Equal(t, returns.StatusShippedBack, decode[api.ReturnResponse](t, b).Return.Status)
	assert.Empty(t, decode[api.ReturnResponse](t, b).Return.Next, "the end")

	// Staff see the customer's photo; the customer too, on their order.
	resp, _ = e.do(t, "GET", api.StaffReturnPhotoPath(ph.ID), nil, "Cookie", c.Name+"="+c.Value)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "image/jpeg", resp.Header.Get("Content-Type"))
}

func TestOrderViewUsesTheReturnsPolicy(t *testing.T) {
	e, _ := newOrderEnv(t)
	view := func(number string) api.OrderView {
		_, b := e.getOrder(t, number, "", &http.Cookie{Name: server.ProofCookie, Value: strings.TrimPrefix(proof(number)[1], server.ProofCookie+"=")})
		return decode[api.OrderResponse](t, b).Order
	}
	v := view("VT-1004")
	assert.False(t, v.Returnable, "the window closed and the keyboard went back")
	assert.True(t, v.Repairable, "the monitor is under warranty")
	require.Len(t, v.Returns, 2, "the order's requests, for a browser that proved the order")

	v = view("VT-1001")
	assert.True(t, v.Returnable)
	assert.Empty(t, v.Returns)
	resp, b := e.create(t, request("ov-1"))
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	v = view("VT-1001")
	assert.False(t, v.Lines[0].Returnable, "the coffee table is on its way back")
	assert.True(t, v.Lines[1].Returnable, "the sofa is not")
	require.Len(t, v.Returns, 1)
	assert.Equal(t, returns.StatusRequested, v.Returns[0].Status)

	// A signed link alone shows what can be returned, not the requests.
	_, b = e.getOrder(t, "VT-1001", tokenOf(t, e.server.OrderLink("VT-1001")), nil)
	assert.Empty(t, decode[api.OrderResponse](t, b).Order.Returns)
}
