from enum import StrEnum


class TransferType(StrEnum):
    ACH = "ach"
    FEDNOW = "fednow"
    INTERNAL = "internal"
    LOCAL = "local"
    RTP = "rtp"
    SEPA = "sepa"
    SWIFT = "swift"
    WIRE = "wire"

    def __str__(self) -> str:
        return str(self.value)
