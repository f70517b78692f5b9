/** The web chassis every service shares: error body and mappers, JSON config, clock, caller identity, downstream errors. */
package dev.switchboard.platform.web;
