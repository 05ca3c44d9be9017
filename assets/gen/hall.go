package gen

import (
	"fmt"

	"vitrine/showroom/catalog"
	"vitrine/showroom/hall"
)

// DefaultProductBounds is the box a product without a usable model is
// planned with: half a metre each way, standing on the floor. The product
// keeps its place on its stand (and in the directory) until its model is
// fixed.
var DefaultProductBounds = hall.Box{Min: hall.Vec3{-0.25, 0, -0.25}, Max: hall.Vec3{0.25, 0.5, 0.25}}

// PlanInput returns what hall.Plan needs of a product: the bounds of its
// model, or DefaultProductBounds and the reason when glb is empty or is not
// a model the showroom can show (the errors of Inspect, or ENOTFOUND).
func PlanInput(slug string, glb []byte) (hall.ProductInput, error) {
	in := hall.ProductInput{Slug: slug, Bounds: DefaultProductBounds}
	if len(glb) == 0 {
		return in, &catalog.Error{Code: catalog.ENOTFOUND, Field: "model", Key: "models.err.none", Message: "The product has no 3D model."}
	}
	b, err := Inspect(glb, 0)
	if err != nil {
		return in, err
	}
	in.Bounds = hall.Box{Min: hall.Vec3(b.Min), Max: hall.Vec3(b.Max)}
	return in, nil
}

// HallStand is a stand to bake with BakeHall: its slug and its products in
// display order.
type HallStand struct {
	Slug     string
	Products []HallProduct
}

// HallProduct is a product and the bytes of its GLB (nil when it has none).
type HallProduct struct {
	Slug  string
	Model []byte
}

// BakedHall is a whole hall, planned and baked.
type BakedHall struct {
	Layout hall.Layout
	Shell  []byte
	// Stands are the stands' GLBs in the order of Layout.Stands.
	Stands [][]byte
	// Problems lists, product by product, models that were planned with
	// DefaultProductBounds or left out of their stand.
	Problems []error
}

// BakeHall plans the hall for stands and bakes its shell and every stand,
// all at once: what the bakehall command and the tests need. The server
// plans the same way but bakes each piece when first asked for it.
func BakeHall(stands []HallStand) (*BakedHall, error) {
	out := &BakedHall{}
	in := make([]hall.StandInput, len(stands))
	models := make([]map[string][]byte, len(stands))
	for i, st := range stands {
		in[i].Slug = st.Slug
		models[i] = map[string][]byte{}
		for _, p := range st.Products {
			pi, err := PlanInput(p.Slug, p.Model)
			if err != nil {
				out.Problems = append(out.Problems, fmt.Errorf("product %s: %w", p.Slug, err))
			} else {
				models[i][p.Slug] = p.Model
			}
			in[i].Products = append(in[i].Products, pi)
		}
	}
	out.Layout = hall.Plan(in)
	shell, err := BakeShell(out.Layout)
	if err != nil {
		return nil, err
	}
	out.Shell = shell
	for i, st := range out.Layout.Stands {
		// Products already reported above are not baked, so they are not
		// reported twice.
		var slots []hall.Slot
		for _, s := range st.Slots {
			if _, ok := models[i][s.Product]; ok {
				slots = append(slots, s)
			}
		}
		glb, skipped, err := BakeStand(slots, models[i])
		if err != nil {
			return nil, fmt.Errorf("bake stand %s: %w", st.Slug, err)
		}
		out.Problems = append(out.Problems, skipped...)
		out.Stands = append(out.Stands, glb)
	}
	return out, nil
}
