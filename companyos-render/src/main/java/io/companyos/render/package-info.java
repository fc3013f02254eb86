/** Meeting packs as documents: assembly from sources, the document model, renderers and the artifact store. */
@NullMarked
package io.companyos.render;

import org.jspecify.annotations.NullMarked;
