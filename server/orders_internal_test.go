package server

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

func TestLineOptionsShowEveryPartOfTheSnapshot(t *testing.T) {
	snap := catalog.ConfigSnapshot{
		Product:    "standing-desk",
		Dimensions: []catalog.ConfigSnapshotDimension{{ID: "width", Name: catalog.Text{"en": "Top width", "es": "Ancho del tablero"}, Value: 160, Unit: "cm"}},
		Quantities: []catalog.ConfigSnapshotQuantity{{ID: "legs", Name: catalog.Text{"en": "Legs"}, Count: 4}},
		Options: []catalog.ConfigSnapshotOption{
			{Choice: "top", ChoiceName: catalog.Text{"en": "Top"}, Option: "walnut", Name: catalog.Text{"en": "Walnut veneer"}},
			{Choice: "drawer", ChoiceName: catalog.Text{"en": "Drawer"}}, // left empty: not listed
		},
	}
	b, err := json.Marshal(snap)
	require.NoError(t, err)
	var got []string
	for _, o := range lineOptions(orders.Line{Configured: true, Configuration: string(b)}) {
		got = append(got, o.Choice.In("es")+": "+o.Option.In("es"))
	}
	assert.Equal(t, []string{"Ancho del tablero: 160 cm", "Legs: 4", "Top: Walnut veneer"}, got,
		"the order page shows the width a desk was made at, not only its options")

	assert.Nil(t, lineOptions(orders.Line{Configured: true, Configuration: "{"}), "an unreadable snapshot lists nothing")
	assert.Nil(t, lineOptions(orders.Line{Configuration: string(b)}), "a regular line has no options")
}
