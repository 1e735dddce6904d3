module pamphlet

go 1.26.8

require (
	github.com/yuin/goldmark v1.8.7
	github.com/yuin/goldmark-meta v1.1.0
	golang.org/x/tools v0.52.0
	gopkg.in/yaml.v2 v2.3.0
)
