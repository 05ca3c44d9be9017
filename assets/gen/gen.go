package gen

import (
	"fmt"
	"os"
	"path/filepath"

	"vitrine/showroom/catalog"
)

// builder makes one product's model. The list is in catalogue order
// (category by category), which is also the order files are written in.
type builder struct {
	slug  string
	build func() *model
}

var builders = []builder{
	{"modular-sofa", modularSofa},
	{"oak-coffee-table", oakCoffeeTable},
	{"linen-armchair", linenArmchair},
	{"arc-floor-lamp", arcFloorLamp},
	{"standing-desk", standingDesk},
	{"ergonomic-chair", ergonomicChair},
	{"desk-lamp", deskLamp},
	{"oak-bookshelf", oakBookshelf},
	{"platform-bed", platformBed},
	{"oak-wardrobe", oakWardrobe},
	{"bedside-table", bedsideTable},
	{"chest-of-drawers", chestOfDrawers},
	{"city-bike", cityBike},
	{"cycling-helmet", cyclingHelmet},
	{"bike-light-set", bikeLightSet},
	{"u-lock", uLock},
	{"laptop-14", laptop14},
	{"monitor-27", monitor27},
	{"mechanical-keyboard", mechanicalKeyboard},
	{"wireless-mouse", wirelessMouse},
	{"garden-bench", gardenBench},
	{"patio-parasol", patioParasol},
	{"camping-tent", campingTent},
	{"sun-lounger", sunLounger},
}

// Products returns the slugs of every demo product that has a generated
// model, in catalogue order, so callers can list or pre-load them.
func Products() []string {
	out := make([]string, len(builders))
	for i, b := range builders {
		out[i] = b.slug
	}
	return out
}

// build returns the finished model of slug, or ENOTFOUND.
func build(slug string) (*model, error) {
	for _, b := range builders {
		if b.slug == slug {
			return b.build().finish(), nil
		}
	}
	return nil, &catalog.Error{Code: catalog.ENOTFOUND, Key: "models.err.unknown_product", Message: fmt.Sprintf("No generated model for product %q.", slug)}
}

// Model returns the GLB of a demo product. The bytes are the same on every
// call and every machine. Returns ENOTFOUND for a slug not in Products.
func Model(slug string) ([]byte, error) {
	md, err := build(slug)
	if err != nil {
		return nil, err
	}
	return encodeGLB(md)
}

// Thumbnail returns a 256×256 PNG picture of a demo product in a
// three-quarter view on a light background, for lists, cards and link
// previews. Returns ENOTFOUND for a slug not in Products.
func Thumbnail(slug string) ([]byte, error) {
	md, err := build(slug)
	if err != nil {
		return nil, err
	}
	im, _ := render(md)
	return encodePNG(im)
}

// WriteAll writes every model to dir/models/<slug>.glb and every thumbnail
// to dir/thumbs/<slug>.png, creating the folders; this is what the
// genmodels command runs to refresh the committed files.
func WriteAll(dir string) error {
	for _, sub := range []string{"models", "thumbs"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("create %s folder: %w", sub, err)
		}
	}
	for _, b := range builders {
		md := b.build().finish()
		glb, err := encodeGLB(md)
		if err != nil {
			return err
		}
		im, _ := render(md)
		thumb, err := encodePNG(im)
		if err != nil {
			return fmt.Errorf("thumbnail %s: %w", b.slug, err)
		}
		if err := os.WriteFile(filepath.Join(dir, "models", b.slug+".glb"), glb, 0o644); err != nil {
			return fmt.Errorf("write model %s: %w", b.slug, err)
		}
		if err := os.WriteFile(filepath.Join(dir, "thumbs", b.slug+".png"), thumb, 0o644); err != nil {
			return fmt.Errorf("write thumbnail %s: %w", b.slug, err)
		}
	}
	return nil
}
