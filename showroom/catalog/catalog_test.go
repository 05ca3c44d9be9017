package catalog

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProductValidateHotspots(t *testing.T) {
	hotspot := func(id string) Hotspot {
		return Hotspot{ID: id, Position: [3]float64{0.1, 0.45, 0.3},
			Title: Text{"en": "Washable covers"}, Text: Text{"en": "The covers zip off."}}
	}
	six := make([]Hotspot, MaxHotspots)
	for i := range six {
		six[i] = hotspot(string(rune('a' + i)))
	}
	for _, tc := range []struct {
		name     string
		hotspots []Hotspot
		field    string // the Field of the error; empty when valid
	}{
		{"no hotspots", nil, ""},
		{"one hotspot", []Hotspot{hotspot("covers")}, ""},
		{"as many as allowed", six, ""},
		{"one too many", append(six, hotspot("seventh")), "hotspots"},
		{"empty id", []Hotspot{hotspot("")}, "hotspots[0].id"},
		{"id that is not a slug", []Hotspot{hotspot("covers"), hotspot("Zip Covers")}, "hotspots[1].id"},
		{"id used twice", []Hotspot{hotspot("covers"), hotspot("legs"), hotspot("covers")}, "hotspots[2].id"},
		{"title without English", []Hotspot{func() Hotspot {
			h := hotspot("covers")
			h.Title = Text{"es": "Fundas lavables"}
			return h
		}()}, "hotspots[0].title"},
		{"text without English", []Hotspot{func() Hotspot {
			h := hotspot("covers")
			h.Text = Text{"en": ""}
			return h
		}()}, "hotspots[0].text"},
		{"NaN coordinate", []Hotspot{func() Hotspot {
			h := hotspot("covers")
			h.Position[1] = math.NaN()
			return h
		}()}, "hotspots[0].position"},
		{"infinite coordinate", []Hotspot{func() Hotspot {
			h := hotspot("covers")
			h.Position[2] = math.Inf(-1)
			return h
		}()}, "hotspots[0].position"},
		{"negative coordinates are fine", []Hotspot{func() Hotspot {
			h := hotspot("covers")
			h.Position = [3]float64{-1.1, 0, -0.4}
			return h
		}()}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Product{Slug: "modular-sofa", SKU: "VT-LR-001", Category: "living-room",
				Name: Text{"en": "Modular sofa"}, Price: EUR(104900), Hotspots: tc.hotspots}
			err := p.Validate()
			if tc.field == "" {
				assert.NoError(t, err)
				return
			}
			var e *Error
			require.True(t, errors.As(err, &e), "got %v", err)
			assert.Equal(t, EINVALID, e.Code)
			assert.Equal(t, tc.field, e.Field)
			assert.NotEmpty(t, e.Message)
		})
	}
}
