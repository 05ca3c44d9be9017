package help

import (
	"math"
	"sort"
)

// Weights of the signals in Score. Editors' judgement starts an article off;
// readership grows with the logarithm of views, so that the thousandth view
// counts less than the tenth; helpfulness is a smoothed ratio of votes.
const (
	editorialWeight = 2.0
	helpfulWeight   = 4.0
	// votePrior is the number of imaginary helpful and unhelpful votes every
	// article starts with, so that one early "No" does not sink it.
	votePrior = 2.0
)

// Score is how high an article is listed: "most read and most helpful first".
// It adds the editorial rank (2/√rank, so rank 1 gives 2 and rank 4 gives 1;
// unranked gives 0), readership (log10(1+views): 9 views give 1, 999 give 3)
// and helpfulness (a ratio of votes smoothed by votePrior, from -2 to +2,
// 0 without votes). A new article thus sorts by the editors' rank, and
// readers' signals take over as they accumulate.
func Score(s Stats, rank int) float64 {
	var score float64
	if rank > 0 {
		score += editorialWeight / math.Sqrt(float64(rank))
	}
	views := math.Max(0, float64(s.Views))
	score += math.Log10(1 + views)
	yes := math.Max(0, float64(s.Helpful))
	no := math.Max(0, float64(s.Unhelpful))
	ratio := (yes + votePrior) / (yes + no + 2*votePrior)
	score += helpfulWeight * (ratio - 0.5)
	return score
}

// Ordered returns a copy of t in display order: within each section the
// articles with the highest Score first; sections and categories ordered by
// their best article's score, so that the category holding the most wanted
// question comes first. Ties keep the editorial order (rank, then position),
// then the ID, so the order never flickers between identical requests.
func Ordered(t Tree, stats map[string]Stats) Tree {
	out := Tree{Categories: make([]Category, len(t.Categories))}
	catScore := make(map[string]float64, len(t.Categories))
	for i, c := range t.Categories {
		c.Sections = append([]Section(nil), c.Sections...)
		secScore := make(map[string]float64, len(c.Sections))
		best := math.Inf(-1)
		for j, s := range c.Sections {
			s.Articles = append([]ArticleRef(nil), s.Articles...)
			scores := make(map[string]float64, len(s.Articles))
			for _, a := range s.Articles {
				scores[a.ID] = Score(stats[a.ID], a.Rank)
			}
			sort.SliceStable(s.Articles, func(x, y int) bool {
				a, b := s.Articles[x], s.Articles[y]
				if scores[a.ID] != scores[b.ID] {
					return scores[a.ID] > scores[b.ID]
				}
				if rankBefore(a.Rank, b.Rank) != rankBefore(b.Rank, a.Rank) {
					return rankBefore(a.Rank, b.Rank)
				}
				return a.ID < b.ID
			})
			secBest := math.Inf(-1)
			if len(s.Articles) > 0 {
				secBest = scores[s.Articles[0].ID]
			}
			secScore[s.Slug] = secBest
			best = math.Max(best, secBest)
			c.Sections[j] = s
		}
		sort.SliceStable(c.Sections, func(x, y int) bool {
			a, b := c.Sections[x], c.Sections[y]
			if secScore[a.Slug] != secScore[b.Slug] {
				return secScore[a.Slug] > secScore[b.Slug]
			}
			return a.Position < b.Position
		})
		catScore[c.Slug] = best
		out.Categories[i] = c
	}
	sort.SliceStable(out.Categories, func(x, y int) bool {
		a, b := out.Categories[x], out.Categories[y]
		if catScore[a.Slug] != catScore[b.Slug] {
			return catScore[a.Slug] > catScore[b.Slug]
		}
		return a.Position < b.Position
	})
	return out
}

// rankBefore reports whether editorial rank a comes before b: lower ranks
// first, and unranked (0) after every ranked article.
func rankBefore(a, b int) bool {
	switch {
	case a == b:
		return false
	case a == 0:
		return false
	case b == 0:
		return true
	default:
		return a < b
	}
}
