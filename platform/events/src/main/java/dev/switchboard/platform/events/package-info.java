/** The event chassis every service shares: outbox contract, repository and relay, CloudEvents envelope, consumer idempotency. */
package dev.switchboard.platform.events;
