package dev.switchboard.run.provider;

/** Where a model id goes: the provider's name and the model's name at that provider. */
public record ModelRoute(String modelId, String provider, String providerModel) {}
