"""The functional core: decode → clean → enrich → event. No Kafka, no global state."""
