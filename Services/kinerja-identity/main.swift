print("kinerja-identity")
