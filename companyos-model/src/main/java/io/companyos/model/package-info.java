/** Core model of CompanyOS Operating Rhythm: errors shared by every module. */
@NullMarked
package io.companyos.model;

import org.jspecify.annotations.NullMarked;
