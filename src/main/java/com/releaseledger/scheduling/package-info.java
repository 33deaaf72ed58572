/** Job files ({@code jobs/*.yml}): what a job ingests and, in later stages, its period, policy, reports and schedule. */
package com.releaseledger.scheduling;
