package io.pero.worker.processing;

/** Builds the {@link RequestProcessor} for a configured stage; called on every stage switch. */
@FunctionalInterface
public interface ProcessorFactory {

    /**
     * @throws io.pero.common.config.ConfigException when the stage config cannot work (the message says why); the worker
     *                                               reports {@code CONFIGURATION_FAILED} with that reason
     * @throws Exception                             when loading failed otherwise (e.g. a model file is unreadable)
     */
    RequestProcessor create(ProcessorContext context) throws Exception;
}
