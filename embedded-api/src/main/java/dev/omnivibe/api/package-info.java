/**
 * The embedded HTTP API for remote submission. It talks to the engine only through its public
 * facade; nothing in the engine depends on this module.
 */
package dev.omnivibe.api;
