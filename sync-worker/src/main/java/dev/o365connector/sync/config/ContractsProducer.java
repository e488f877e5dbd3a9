package dev.o365connector.sync.config;

import dev.o365connector.contracts.validation.ContractValidator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the contract validator (schemas compiled once) injectable. */
public class ContractsProducer {

  @Produces
  @Singleton
  ContractValidator contractValidator() {
    return new ContractValidator();
  }
}
