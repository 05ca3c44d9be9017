package catalog

import (
	"context"
	"fmt"
)

// ConfiguratorStore gives the configurator of each configurable product.
// Configurators returned are shared: callers must not modify them (the
// engine's methods never do).
type ConfiguratorStore interface {
	// Configurator returns the configurator of the product slug. Returns
	// ENOTFOUND if the product has none (it is not configurable or does not
	// exist).
	Configurator(ctx context.Context, product string) (*Configurator, error)
}

// ConfiguratorSet is a ConfiguratorStore held in memory: configurators are
// code-reviewed data (the demo's are Go), so they need no table of their own
// until staff edit them.
type ConfiguratorSet map[string]*Configurator

var _ ConfiguratorStore = ConfiguratorSet(nil)

// NewConfiguratorSet returns the set of cfs. It returns the first problem
// Check finds in any of them, or EINVALID if two configure the same product,
// so a broken configurator stops the server at start rather than a customer
// at checkout.
func NewConfiguratorSet(cfs ...*Configurator) (ConfiguratorSet, error) {
	set := make(ConfiguratorSet, len(cfs))
	for _, cf := range cfs {
		if err := cf.Check(); err != nil {
			return nil, err
		}
		if set[cf.Product] != nil {
			return nil, Errorf(EINVALID, "two configurators for product %s", cf.Product)
		}
		set[cf.Product] = cf
	}
	return set, nil
}

// Configurator implements ConfiguratorStore.
func (s ConfiguratorSet) Configurator(_ context.Context, product string) (*Configurator, error) {
	if cf := s[product]; cf != nil {
		return cf, nil
	}
	return nil, &Error{Code: ENOTFOUND, Key: "configurator.err.not_configurable",
		Message: fmt.Sprintf("The product %q cannot be configured.", product)}
}
