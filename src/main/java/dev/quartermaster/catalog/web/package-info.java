/**
 * HTTP adapters: the v5 artifact surface (seed 004, snake_case), taxonomy and agent admin
 * (system API, camelCase) and export downloads. They bind, declare permissions and call the services.
 */
package dev.quartermaster.catalog.web;
