/**
 * One gateway call, step by step: route the model to a profile, resolve the key that pays, reserve
 * (metering), call the upstream through the egress client with retries before the first byte,
 * answer or stream in the client's dialect, settle. Every step is here so the metering issue adds
 * a {@link dev.quartermaster.gateway.pipeline.Metering} without reshaping it.
 */
package dev.quartermaster.gateway.pipeline;
