/** Release Ledger: a batch analytics and audit reporting engine for release management. */
package com.releaseledger;
