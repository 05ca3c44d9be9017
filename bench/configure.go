package main

import (
	"fmt"
	"time"
)

// configuratorChanges is how many option clicks one run times.
const configuratorChanges = 50

// optionToFrame opens the standing desk's configurator and times, as
// BenchmarkConfiguratorOptionToFrame does, each of configuratorChanges
// option clicks to the next frame of the 3D preview, alternating between
// frame colours and top materials.
func optionToFrame(t *tab, base string) ([]float64, error) {
	if err := t.navigate(base + "/configure/standing-desk"); err != nil {
		return nil, err
	}
	if err := t.waitFor(`Number(document.getElementById('config-canvas')?.dataset.frame || 0) >= 1 &&
		document.getElementById('price-state')?.innerText === 'Price confirmed'`, loadTimeout); err != nil {
		return nil, err
	}
	if err := waitStill(t, "#config-canvas"); err != nil {
		return nil, err
	}
	options := []string{"#opt-frame-colour-white", "#opt-top-walnut-veneer", "#opt-frame-colour-grey", "#opt-top-white-laminate",
		"#opt-frame-colour-black", "#opt-top-oak-veneer"}
	var ms []float64
	for i := range configuratorChanges {
		// Measured in the page: from the click to the canvas's frame
		// counter moving, which the viewer sets right after drawing.
		d, err := eval[float64](t, fmt.Sprintf(`new Promise((resolve, reject) => {
			const c = document.getElementById('config-canvas');
			const before = c.dataset.frame;
			const obs = new MutationObserver(() => {
				if (c.dataset.frame !== before) { obs.disconnect(); resolve(performance.now() - start); }
			});
			obs.observe(c, {attributes: true, attributeFilter: ['data-frame']});
			setTimeout(() => reject(new Error('no frame within 10 s')), 10000);
			const start = performance.now();
			document.querySelector(%q).click();
		})`, options[i%len(options)]))
		if err != nil {
			return ms, err
		}
		ms = append(ms, d)
		// Let the server's price confirmation land between changes, as it
		// does for a person.
		time.Sleep(250 * time.Millisecond)
	}
	return ms, nil
}
