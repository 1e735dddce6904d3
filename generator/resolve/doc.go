// Package resolve is the stage that sees the whole site at once: it puts
// the parsed pages together into a Site (Resolve, Assemble), with the
// section pages folders lack, each section in order, and every link and
// anchor checked; lists every work the site cites with the pages that cite
// it, and warns of entries no page cites; and gathers what the trust
// checks need (TrustFacts, TrustReport). After that a Site is read-only and
// safe for concurrent use by the output stage.
package resolve
