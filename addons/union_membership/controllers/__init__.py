from . import main, portal, portal_data_request
