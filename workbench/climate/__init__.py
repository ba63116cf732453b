"""Site weather: read hourly EPW and NREL TMY3 files into a calc.annual_inputs.WeatherYear (file layer, Qt-free)."""
