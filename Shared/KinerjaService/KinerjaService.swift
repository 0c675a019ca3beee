enum KinerjaServiceModule {}
