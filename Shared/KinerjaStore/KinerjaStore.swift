enum KinerjaStoreModule {}
