import VigieCLI

Vigie.runMain()
