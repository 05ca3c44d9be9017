//go:build js && wasm

package scene

import (
	"fmt"
	"strings"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/renderer/shaders"
)

// hallShader names our program for the hall's baked meshes: g3n's
// physically based shader with the base colour multiplied by the vertex
// colour. The server bakes a whole stand into at most three meshes (matte,
// satin, metal) whose colours live in the vertices, since every draw call
// costs Go time in the browser (design.md); g3n's own physical shader
// ignores vertex colours.
const hallShader = "vitrine_hall"

// hallShaderSources returns the vertex and fragment sources of hallShader,
// made from g3n's physical shader (pinned at v0.2.0) by adding a colour
// varying. It fails if g3n's sources no longer have the lines it edits.
func hallShaderSources() (vertex, fragment string, err error) {
	edit := func(src, name string, edits ...[2]string) (string, error) {
		for _, e := range edits {
			if !strings.Contains(src, e[0]) {
				return "", fmt.Errorf("scene: g3n's %s shader has no %q to edit", name, e[0])
			}
			src = strings.Replace(src, e[0], e[1], 1)
		}
		return src, nil
	}
	vertex, err = edit(shaders.ShaderSource("physical_vertex"), "physical vertex",
		[2]string{"out vec2 FragTexcoord;", "out vec2 FragTexcoord;\nout vec3 VColor;"},
		[2]string{"FragTexcoord = VertexTexcoord;", "FragTexcoord = VertexTexcoord;\n    VColor = VertexColor;"})
	if err != nil {
		return "", "", err
	}
	fragment, err = edit(shaders.ShaderSource("physical_fragment"), "physical fragment",
		[2]string{"in vec2 FragTexcoord;", "in vec2 FragTexcoord;\nin vec3 VColor;"},
		[2]string{"    vec4 baseColor = uBaseColor;\n#endif", "    vec4 baseColor = uBaseColor;\n#endif\n    baseColor.rgb *= VColor;"})
	return vertex, fragment, err
}

// useVertexColors switches every mesh under n that has vertex colours to
// hallShader, and reports how many it switched.
func useVertexColors(n core.INode) int {
	count := 0
	var walk func(n core.INode)
	walk = func(n core.INode) {
		if m, ok := n.(*graphic.Mesh); ok {
			if m.GetGeometry().VBO(gls.VertexColor) != nil {
				for _, gm := range m.Materials() {
					gm.IMaterial().GetMaterial().SetShader(hallShader)
				}
				count++
			}
		}
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(n)
	return count
}
