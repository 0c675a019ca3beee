enum KinerjaIdentityModule {}
