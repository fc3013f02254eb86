/** The complete classes docs/getting-started.md and docs/rendering.md show, compiled and run by the tests. */
package io.companyos.examples.start;
