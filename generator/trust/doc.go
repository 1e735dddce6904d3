// Package trust checks what health-information standards ask of a page:
// authorship, attribution, review dates, readability and safe messaging.
package trust
