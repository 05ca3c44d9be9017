package routes

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKnown(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/", true},
		{"/showroom", true},
		{"/showroom/living-room", true},
		{"/showroom/living-room/modular-sofa", true},
		{"/products/oak-coffee-table", true},
		{"/configure/standing-desk", true},
		{"/categories/cycling", true},
		{"/cart", true},
		{"/checkout", true},
		{"/track", true},
		{"/track/VT-1002", true},
		{"/track/vt-1002", true},
		{"/track/VT-1002/x", false},
		{"/track/not-an-order", false},
		{"/returns", true},
		{"/returns/policy", true},
		{"/returns/RT-000012", true},
		{"/returns/RP-000013", true},
		{"/returns/RT-12", false},
		{"/returns/VT-1001", false},
		{"/staff/returns", true},
		{"/help", true},
		{"/contact", true},
		{"/products/", false},
		{"/products/Bad_Slug", false},
		{"/nope", false},
		{"/showroom/a/b/c", false},
	} {
		t.Run(tc.path, func(t *testing.T) { assert.Equal(t, tc.want, Known(tc.path)) })
	}
}
