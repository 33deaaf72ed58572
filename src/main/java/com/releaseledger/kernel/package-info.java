/** The small shared kernel: value types every module uses (SQL files by name with their hashes). */
package com.releaseledger.kernel;
